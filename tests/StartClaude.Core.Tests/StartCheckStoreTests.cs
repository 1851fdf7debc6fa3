using StartClaude.Abstractions;
using StartClaude.Core.Local;
using StartClaude.Core.Sync;
using StartClaude.Testing;

namespace StartClaude.Core.Tests;

public class StartCheckStoreTests
{
    private static readonly string Remote = StartClaude.Core.Remote.RemoteIdentity.Of("s3-compatible", new SettingsInput(Bucket: "b", Region: "us-east-1", EndpointUrl: "http://127.0.0.1:9"));
    private static readonly DateTimeOffset At = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static StartCheckStore StoreIn(TempHome home) =>
        new(AppEnvironment.From(new Dictionary<string, string> { [AppEnvironment.HomeVariable] = home.Folder }));

    [Test]
    public void A_check_reads_back_for_its_remote_only()
    {
        using var home = new TempHome();
        var store = StoreIn(home);

        store.SaveCheckedAt(Remote, At);

        store.ReadCheckedAt(Remote).Should().Be(At);
        store.ReadCheckedAt(StartClaude.Core.Remote.RemoteIdentity.Of("s3-compatible", new SettingsInput(Bucket: "other", Region: "us-east-1", EndpointUrl: "http://127.0.0.1:9"))).Should().BeNull();
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(store.Path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite, "it is written like config.json");
    }

    [TestCase("")]
    [TestCase("not json")]
    [TestCase("[]")]
    [TestCase("""{"remote": 7, "at": 1764158400000}""")]
    [TestCase("""{"remote": "REMOTE", "at": "2026-11-26T12:00:00Z"}""")]
    [TestCase("""{"remote": "REMOTE", "at": 1e300}""")]
    [TestCase("""{"remote": "REMOTE", "at": -999999999999999999}""")]
    [TestCase("""{"remote": "REMOTE", "at": 1.5}""")]
    [TestCase("""{"remote": "REMOTE", "at": "yesterday"}""")]
    [TestCase("""{"remote": "REMOTE", "remote": "REMOTE", "at": 1764158400000}""")]
    [TestCase("""{"remote": "REMOTE", "at": 1764158400000, "at": 1764158400000}""")]
    public void A_damaged_record_means_never_checked(string content)
    {
        using var home = new TempHome();
        var store = StoreIn(home);
        File.WriteAllText(store.Path, content.Replace("REMOTE", Remote.Replace("\\", "\\\\", StringComparison.Ordinal), StringComparison.Ordinal));

        store.ReadCheckedAt(Remote).Should().BeNull();
    }

    [TestCase("https://user:p4ssw0rd@s3.example.com:9000/base?token=t0k3n#frag", "https://s3.example.com:9000/base")]
    [TestCase("http://127.0.0.1:9", "http://127.0.0.1:9")]
    [TestCase("user:p4ssw0rd@host", "host")]
    [TestCase("https://host/p@th", "https://host/p@th")]
    [TestCase("/abc", "/abc")]
    [TestCase("/", "/")]
    [TestCase("//user:p4ssw0rd@host/x", "//host/x")]
    [TestCase("", "")]
    [TestCase("http://", "http://")]
    public void The_record_names_the_endpoint_without_credentials_or_query(string endpoint, string named)
    {
        var name = StartClaude.Core.Remote.RemoteIdentity.Of("s3-compatible", new SettingsInput(Bucket: "b", EndpointUrl: endpoint));

        name.Should().Be($"s3-compatible|{named}|b|").And.NotContain("p4ssw0rd").And.NotContain("t0k3n");
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_FIFO_in_its_place_is_never_opened()
    {
        using var home = new TempHome();
        var store = StoreIn(home);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", store.Path))
            mkfifo.WaitForExit();

        var read = Task.Run(() => store.ReadCheckedAt(Remote));

        read.Wait(TimeSpan.FromSeconds(10)).Should().BeTrue("a FIFO would block a read forever");
        read.Result.Should().BeNull();
    }
}
