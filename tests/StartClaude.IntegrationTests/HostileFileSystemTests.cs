using System.Diagnostics;
using System.Text;
using StartClaude.Core.Local;
using StartClaude.Testing;

namespace StartClaude.IntegrationTests;

/// <summary>
/// The installed tool against an odd home: a symlinked config.json, a FIFO, a read-only home (as an
/// unprivileged user), an existing 0755 home, a temp file left by a killed run, a lock held by
/// another program.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class HostileFileSystemTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateFolder = Private | UnixFileMode.UserExecute;
    private static readonly string[] AddExtra = ["add", "extra", "--api-key", "sk-ant-api03-EXTRAEXTRAEXTRA-abcd"];

    [Test]
    public async Task A_symlinked_config_json_is_written_through_to_its_target_and_stays_a_link()
    {
        using var home = new TempHome();
        using var dotfiles = new TempHome();
        var target = Path.Combine(dotfiles.Folder, "start-claude.json");
        File.WriteAllText(target, SampleDocuments.WithConfigs("work"));
        File.CreateSymbolicLink(home.ConfigPath, target);

        var result = await ToolProcess.RunAsync(home, null, Limit, AddExtra);

        result.ExitCode.Should().Be(0, result.ToString());
        new FileInfo(home.ConfigPath).LinkTarget.Should().Be(target, "the link is kept, not replaced by a plain file");
        File.ReadAllText(target).Should().Contain("\"extra\"").And.Contain("\"work\"");
        File.GetUnixFileMode(target).Should().Be(Private);
        Directory.EnumerateFiles(dotfiles.Folder, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }).Should().BeEmpty("the temp file was beside the target and renamed over it");
        var backup = Directory.EnumerateFiles(Path.Combine(home.Folder, "backups")).Should().ContainSingle().Subject;
        File.ReadAllText(backup).Should().Contain("\"work\"").And.NotContain("\"extra\"");
    }

    [Test]
    public async Task A_config_json_that_is_a_FIFO_is_refused_at_once_and_left_a_FIFO()
    {
        using var home = new TempHome();
        MakeFifo(home.ConfigPath);

        foreach (var args in new[] { new[] { "list" }, ["s3-sync"], AddExtra })
        {
            var clock = Stopwatch.StartNew();
            var result = await ToolProcess.RunAsync(home, null, Limit, args);
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "nothing may open the FIFO and wait for a writer");
            result.ExitCode.Should().Be(1, result.ToString());
            result.Error.Should().Contain("is a FIFO (named pipe), not a regular file").And.NotContain("internal error");
        }
        FileStatus.Of(home.ConfigPath, followLinks: false).Kind.Should().Be(FileKind.Fifo);
    }

    [Test]
    public async Task A_read_only_home_fails_before_anything_is_written_remotely()
    {
        var server = await SharedServers.MotoAsync();
        var bucket = await server.CreateBucketAsync();
        using var home = new TempHome();
        home.WriteConfig(SampleDocuments.WithConfigs("work"));
        (await ToolProcess.RunAsync(home, null, Limit, SetupArgs.For(server, bucket))).ExitCode.Should().Be(0);
        home.EditConfig(root => root.AddConfig("changed-here"));
        var remoteBefore = await server.ReadObjectAsync(bucket, "start-claude-config.json");
        var before = home.ReadConfigBytes();
        var launcher = MakeReadOnly(home.Folder);
        try
        {
            foreach (var args in new[] { new[] { "s3-upload", "-f" }, ["s3-sync"], ["s3-download", "-f"], AddExtra })
            {
                var result = await ToolProcess.RunAsync(home, null, Limit, launcher, args);
                result.ExitCode.Should().Be(1, result.ToString());
                result.Error.Should().Contain($"cannot write in {home.Folder} (permission denied)").And.NotContain("internal error");
                result.Error.Split('\n').Count(line => line.StartsWith("error:", StringComparison.Ordinal)).Should().Be(1);
            }
            foreach (var args in new[] { new[] { "s3-status" }, ["list"] })
            {
                var result = await ToolProcess.RunAsync(home, null, Limit, launcher, args);
                result.ExitCode.Should().Be(0, $"reading needs no writable home: {result}");
                result.All.Should().NotContain("internal error");
            }
        }
        finally
        {
            File.SetUnixFileMode(home.Folder, PrivateFolder);
        }
        (await server.ReadObjectAsync(bucket, "start-claude-config.json")).Should().Equal(remoteBefore, "the remote is not replaced when the local side cannot be written");
        home.ReadConfigBytes().Should().Equal(before);
    }

    [Test]
    public async Task Writing_into_an_existing_0755_home_makes_it_0700_and_every_file_0600_saying_so_once()
    {
        using var home = new TempHome();
        home.WriteConfig(SampleDocuments.WithConfigs("work"));
        var backups = Directory.CreateDirectory(Path.Combine(home.Folder, "backups")).FullName;
        File.WriteAllText(Path.Combine(backups, "config-20250101T000000000Z.json"), SampleDocuments.WithConfigs("old"));
        File.WriteAllText(Path.Combine(home.Folder, ".lock.pid"), "1");
        var open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(home.Folder, open);
        File.SetUnixFileMode(backups, open);
        foreach (var file in Directory.EnumerateFiles(home.Folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
            File.SetUnixFileMode(file, Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var notes = Path.Combine(home.Folder, "notes.txt");
        File.WriteAllText(notes, "not the tool's");
        File.SetUnixFileMode(notes, Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var first = await ToolProcess.RunAsync(home, null, Limit, AddExtra);
        var second = await ToolProcess.RunAsync(home, null, Limit, "add", "another", "--api-key", "sk-ant-api03-ANOTHERANOTHER-abcd");

        first.ExitCode.Should().Be(0, first.ToString());
        first.Error.Split('\n').Count(line => line.StartsWith("warning: made ", StringComparison.Ordinal)).Should().Be(1, first.ToString());
        second.Error.Should().NotContain("warning: made", "it was private already");
        File.GetUnixFileMode(home.Folder).Should().Be(PrivateFolder);
        File.GetUnixFileMode(backups).Should().Be(PrivateFolder);
        foreach (var file in Directory.EnumerateFiles(home.Folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).Where(f => f != notes))
            File.GetUnixFileMode(file).Should().Be(Private, file);
        File.GetUnixFileMode(notes).Should().Be(Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead, "only the tool's own files are changed");
    }

    [Test]
    public async Task A_temp_file_left_by_a_killed_run_is_removed_by_the_next_run_and_a_live_one_is_kept()
    {
        using var home = new TempHome();
        home.WriteConfig(SampleDocuments.WithConfigs("work"));
        using var sleeper = Process.Start("sleep", "60")!;
        var stale = Path.Combine(home.Folder, $".config.json.{DeadPid()}.{Guid.NewGuid():N}.tmp");
        var live = Path.Combine(home.Folder, $".config.json.{sleeper.Id}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(stale, SampleDocuments.WithConfigs("secret-holder"));
        File.WriteAllText(live, "being written");
        try
        {
            var result = await ToolProcess.RunAsync(home, null, Limit, AddExtra);

            result.ExitCode.Should().Be(0, result.ToString());
            File.Exists(stale).Should().BeFalse("it holds a whole config.json, secrets included, and its writer is gone");
            File.Exists(live).Should().BeTrue("its writer is still running");
        }
        finally
        {
            sleeper.Kill();
        }
    }

    [Test]
    public async Task The_lock_message_names_the_process_that_holds_the_lock_not_the_last_recorded_pid()
    {
        using var home = new TempHome();
        home.WriteConfig(SampleDocuments.WithConfigs("work"));
        var lockPath = Path.Combine(home.Folder, ".lock");
        File.WriteAllText(lockPath, "");
        File.WriteAllText(lockPath + ".pid", "999999");
        using var holder = Process.Start(new ProcessStartInfo("flock", ["--exclusive", lockPath, "sleep", "60"]) { UseShellExecute = false })!;
        try
        {
            await WaitUntilLockedAsync(lockPath);
            var result = await ToolProcess.RunAsync(home, new Dictionary<string, string> { [HomeLock.WaitVariable] = "0.5" }, Limit, AddExtra);

            result.ExitCode.Should().Be(1, result.ToString());
            result.Error.Should().Contain($"pid {holder.Id}").And.Contain("flock").And.NotContain("999999");
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
        }
    }

    [Test]
    public async Task A_remote_asking_for_scrypt_work_factor_22_is_refused_within_a_256_MiB_heap()
    {
        var server = await SharedServers.MotoAsync();
        var bucket = await server.CreateBucketAsync();
        using var home = new TempHome();
        home.WriteConfig(SampleDocuments.WithConfigs("work"));
        (await ToolProcess.RunAsync(home, null, Limit, SetupArgs.For(server, bucket))).ExitCode.Should().Be(0);
        home.EditConfig(root => root["settings"]!["s3Sync"]!["encrypt"] = true);
        var file = Encoding.Latin1.GetString(StartClaude.Core.Encryption.AgeFile.Encrypt("{\"configs\":[]}"u8, "a passphrase", workFactor: 10));
        var stanza = file.Split('\n')[1];
        var hostile = Encoding.Latin1.GetBytes(file.Replace(stanza, stanza[..stanza.LastIndexOf(' ')] + " 22"));
        await server.PutObjectAsync(bucket, "start-claude-config.json", hostile);
        var before = home.ReadConfigBytes();
        // Without the bound, 2^22 needs 4 GiB: under this heap limit the runtime would abort.
        var variables = new Dictionary<string, string> { ["START_CLAUDE_PASSPHRASE"] = "a passphrase", ["DOTNET_GCHeapHardLimit"] = "0x10000000" };

        // The heap limit is the bound (the run's Limit catches a hang); a wall-clock bound failed only under a loaded machine.
        var result = await ToolProcess.RunAsync(home, variables, Limit, "s3-download", "-f");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain("work factor 2^22 is above the 2^18").And.NotContain("internal error").And.NotContain("Out of memory");
        home.ReadConfigBytes().Should().Equal(before);
    }

    private static async Task WaitUntilLockedAsync(string path)
    {
        for (var i = 0; i < 100 && LockHolder.Find(path) is null; i++)
            await Task.Delay(50);
        LockHolder.Find(path).Should().NotBeNull("flock should hold the lock by now");
    }

    // As root the permission bits do not stop a write, so the tool runs as nobody (setpriv); as an
    // ordinary user the bits alone make the folder read-only.
    private static string[] MakeReadOnly(string folder)
    {
        var readOnly = UnixFileMode.UserRead | UnixFileMode.UserExecute;
        if (Environment.UserName != "root")
        {
            File.SetUnixFileMode(folder, readOnly);
            return [];
        }
        Run("chown", "-R", "nobody", folder);
        File.SetUnixFileMode(folder, readOnly);
        return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"];
    }

    private static int DeadPid()
    {
        using var process = Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }

    private static void MakeFifo(string path) => Run("mkfifo", path);

    private static void Run(string program, params string[] args)
    {
        using var process = Process.Start(program, args)!;
        process.WaitForExit();
        process.ExitCode.Should().Be(0, $"{program} {string.Join(' ', args)}");
    }
}
