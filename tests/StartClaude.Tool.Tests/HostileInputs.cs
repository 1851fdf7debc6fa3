using System.Text;
using StartClaude.Core.Encryption;
using StartClaude.Testing;

namespace StartClaude.Tool.Tests;

/// <summary>One hostile or odd input, what is done with it, and how it must end.</summary>
/// <param name="Group">Which kind of input (for the report of how many end cleanly).</param>
/// <param name="Name">What the input is.</param>
/// <param name="Expected">Words the one error line must hold.</param>
/// <param name="ExitCode">The documented exit code.</param>
/// <param name="MemoryBound">When set, the most bytes a run may allocate.</param>
public sealed record HostileCase(string Group, string Name, string Expected, int ExitCode = 1, long? MemoryBound = null)
{
    /// <summary>Changes the device after setup (writes config.json, makes a FIFO, edits s3Sync).</summary>
    public Action<TempHome> Arrange { get; init; } = _ => { };

    /// <summary>The remote document put in the bucket (remote cases).</summary>
    public byte[]? Remote { get; init; }

    /// <summary>Turn encryption on here (passphrase from START_CLAUDE_PASSPHRASE) before the run.</summary>
    public bool Encrypted { get; init; }

    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string[]> Commands { get; init; } = [];

    public override string ToString() => $"{Group}: {Name}";
}

/// <summary>The table of the hostile-input suite: local files, environment values and remote documents.</summary>
public static class HostileInputs
{
    public const string Passphrase = "correct horse battery staple";
    private const long MiB = 1024 * 1024;

    private static readonly string[][] EveryCommand = [["list"], ["s3-status"], ["s3-sync"], ["s3-upload", "-f"], ["s3-download", "-f"]];
    private static readonly string[][] SyncCommands = [["s3-status"], ["s3-sync"], ["s3-upload", "-f"], ["s3-download", "-f"]];
    private static readonly string[][] LockingCommands = [["s3-sync"], ["s3-upload", "-f"], ["s3-download", "-f"], ["add", "extra", "--api-key", "sk-ant-api03-EXTRAEXTRAEXTRA-abcd"]];
    private static readonly string[][] RemoteCommands = [["s3-download", "-f"], ["s3-sync", "--prefer", "remote"], ["s3-status"]];

    /// <summary>JSON texts that break the strict rules, each with the words its error must hold.</summary>
    public static IEnumerable<(string Name, byte[] Bytes, string Expected)> BadJson()
    {
        static (string, byte[], string) Text(string name, string json, string expected) => (name, Encoding.UTF8.GetBytes(json), expected);
        const string Surrogate = "unpaired UTF-16 surrogate";
        yield return Text("lone high surrogate in a name", """{"configs":[{"name":"a\ud800b"}]}""", Surrogate);
        yield return Text("lone low surrogate in an apiKey", """{"configs":[{"name":"a","apiKey":"sk-\udc00"}]}""", Surrogate);
        yield return Text("lone surrogate in a key", """{"configs":[{"name":"a","x\ud800":1}]}""", Surrogate);
        yield return Text("lone surrogate in an unknown field", """{"configs":[],"future":{"note":"\udfff"}}""", Surrogate);
        yield return Text("surrogate pair reversed", """{"configs":[{"name":"\udc00\ud800"}]}""", Surrogate);
        yield return Text("high surrogate at the end of a string", """{"configs":[{"name":"smile\ud83d"}]}""", Surrogate);
        yield return Text("duplicate key \"name\"", """{"configs":[{"name":"a","name":"b"}]}""", "duplicate key \"name\"");
        yield return Text("duplicate key in settings", """{"configs":[],"settings":{"x":1,"x":2}}""", "duplicate key \"x\"");
        yield return Text("duplicate key spelt with an escape", """{"configs":[{"name":"a","na\u006de":"b"}]}""", "duplicate key \"name\"");
        yield return Text("nesting 65 deep", "{\"configs\":[],\"x\":" + new string('[', 64) + new string(']', 64) + "}", "nested more than 64 levels deep");
        yield return Text("nesting 100000 deep", "{\"x\":" + new string('[', 100_000) + new string(']', 100_000) + "}", "nested more than 64 levels deep");
        yield return ("overlong UTF-8", [.. "{\"configs\":[{\"name\":\"a"u8, 0xC0, 0x80, .. "\"}]}"u8], "not UTF-8 text (the first bad byte is byte 23)");
        yield return ("UTF-8 encoded surrogate", [.. "{\"configs\":[{\"name\":\""u8, 0xED, 0xA0, 0x80, .. "\"}]}"u8], "not UTF-8 text");
        yield return ("multibyte sequence cut at the end", [.. "{\"configs\":[]}"u8, 0xE2, 0x82], "not UTF-8 text");
    }

    public static IEnumerable<HostileCase> Local()
    {
        foreach (var (name, bytes, expected) in BadJson())
            yield return new HostileCase("local JSON", name, expected) { Arrange = home => File.WriteAllBytes(home.ConfigPath, bytes), Commands = EveryCommand };

        // settings.s3Sync is read strictly; "list" does not read it and still works.
        foreach (var (field, json, needed) in new[]
        {
            ("encrypt", "\"true\"", "true or false, not a string"),
            ("encrypt", "1", "true or false, not a number"),
            ("encrypt", "\"false\"", "true or false, not a string"),
            ("encrypt", "[]", "true or false, not a list"),
            ("bucket", "5", "a string, not a number"),
            ("region", "true", "a string, not true or false"),
            ("accessKeyId", "[]", "a string, not a list"),
            ("secretAccessKey", "{}", "a string, not an object"),
            ("endpointUrl", "1", "a string, not a number"),
            ("key", "false", "a string, not true or false"),
            ("provider", "7", "a string, not a number"),
            ("passphrase", "123456", "a string, not a number"),
            ("remoteConfigCheckIntervalMinutes", "\"60\"", "a number of minutes, 0 or more, not a string"),
            ("remoteConfigCheckIntervalMinutes", "-1", "a number of minutes, 0 or more, not -1"),
            ("remoteConfigCheckIntervalMinutes", "1e400", "a number of minutes, 0 or more"),
        })
        {
            yield return new HostileCase("local settings.s3Sync", $"{field}: {json}", $"settings.s3Sync.{field} must be {needed}")
            {
                Arrange = home => SetSyncField(home, field, json),
                Commands = SyncCommands,
            };
        }

        yield return new HostileCase("local file kind", "config.json is a FIFO", "is a FIFO (named pipe), not a regular file")
        { Arrange = home => MakeFifo(home.ConfigPath), Commands = EveryCommand };
        yield return new HostileCase("local file kind", "config.json links to a FIFO", "is a FIFO (named pipe), not a regular file")
        { Arrange = home => { MakeFifo(home.ConfigPath + ".fifo"); Relink(home.ConfigPath, home.ConfigPath + ".fifo"); }, Commands = EveryCommand };
        yield return new HostileCase("local file kind", "config.json links to /dev/zero", "is a character device, not a regular file", MemoryBound: 64 * MiB)
        { Arrange = home => Relink(home.ConfigPath, "/dev/zero"), Commands = EveryCommand };
        yield return new HostileCase("local file kind", "config.json is a directory", "is a directory, not a regular file")
        { Arrange = home => { File.Delete(home.ConfigPath); Directory.CreateDirectory(home.ConfigPath); }, Commands = EveryCommand };
        yield return new HostileCase("local file kind", "config.json links to a directory", "is a directory, not a regular file")
        { Arrange = home => Relink(home.ConfigPath, Path.GetTempPath()), Commands = EveryCommand };
        yield return new HostileCase("local file kind", "config.json is a socket", "is a socket, not a regular file")
        { Arrange = home => MakeSocket(home.ConfigPath), Commands = EveryCommand };
        yield return new HostileCase("local file kind", "config.json links to itself", "symbolic links form a loop")
        { Arrange = home => Relink(home.ConfigPath, home.ConfigPath), Commands = EveryCommand };
        yield return new HostileCase("local file kind", "config.json is a 1 GiB sparse file", "more than the 4 MiB", MemoryBound: 64 * MiB)
        { Arrange = home => { using var file = File.OpenWrite(home.ConfigPath); file.SetLength(1024 * MiB); }, Commands = EveryCommand };
        yield return new HostileCase("local file kind", ".lock is a FIFO", ".lock is a FIFO (named pipe), not a regular file")
        { Arrange = home => MakeFifo(Path.Combine(home.Folder, ".lock")), Commands = LockingCommands };

        foreach (var (variable, value, range) in new[]
        {
            ("START_CLAUDE_TIMEOUT_SECONDS", "NaN", "above 0 and at most 600"),
            ("START_CLAUDE_TIMEOUT_SECONDS", "Infinity", "above 0 and at most 600"),
            ("START_CLAUDE_TIMEOUT_SECONDS", "1e308", "above 0 and at most 600"),
            ("START_CLAUDE_TIMEOUT_SECONDS", "-1", "above 0 and at most 600"),
            ("START_CLAUDE_TIMEOUT_SECONDS", "0", "above 0 and at most 600"),
            ("START_CLAUDE_TIMEOUT_SECONDS", "601", "above 0 and at most 600"),
            ("START_CLAUDE_TIMEOUT_SECONDS", "1,5", "above 0 and at most 600"),
            ("START_CLAUDE_LOCK_WAIT_SECONDS", "NaN", "from 0 to 3600"),
            ("START_CLAUDE_LOCK_WAIT_SECONDS", "1e308", "from 0 to 3600"),
            ("START_CLAUDE_LOCK_WAIT_SECONDS", "Infinity", "from 0 to 3600"),
            ("START_CLAUDE_LOCK_WAIT_SECONDS", "-5", "from 0 to 3600"),
            ("START_CLAUDE_LOCK_WAIT_SECONDS", "0x10", "from 0 to 3600"),
        })
        {
            // The lock wait is read when the lock is taken: by the commands that change files.
            var commands = variable == "START_CLAUDE_LOCK_WAIT_SECONDS" ? LockingCommands : EveryCommand;
            yield return new HostileCase("local environment", $"{variable}={value}", $"{variable} must be a number of seconds {range}", ExitCode: 2)
            { Variables = new Dictionary<string, string> { [variable] = value }, Commands = commands };
        }
    }

    public static IEnumerable<HostileCase> Remote()
    {
        foreach (var (name, bytes, expected) in BadJson())
            yield return new HostileCase("remote JSON", name, expected) { Remote = bytes };
        yield return new HostileCase("remote JSON", "16 MiB document", "MiB", MemoryBound: 160 * MiB)
        { Remote = Encoding.UTF8.GetBytes("{\"configs\":[],\"pad\":\"" + new string('x', 16 * (int)MiB) + "\"}") };

        foreach (var (name, bytes, expected) in BadJson().Where((_, i) => i % 3 == 0))
            yield return new HostileCase("remote encrypted", $"encrypted: {name}", expected) { Remote = Encrypt(bytes), Encrypted = true };
        yield return new HostileCase("remote encrypted", "encrypted: not JSON", "not valid JSON") { Remote = Encrypt("hello"u8.ToArray()), Encrypted = true };
        yield return new HostileCase("remote encrypted", "encrypted: a top-level list", "must be a JSON object") { Remote = Encrypt("[]"u8.ToArray()), Encrypted = true };
        foreach (var factor in new[] { "19", "20", "22", "30", "99" })
        {
            yield return new HostileCase("remote work factor", $"scrypt work factor {factor}", $"work factor 2^{factor} is above the 2^18", MemoryBound: 64 * MiB)
            { Remote = WithWorkFactor(factor), Encrypted = true };
        }
        yield return new HostileCase("remote work factor", "scrypt work factor 1e3", "work factor is not a plain number", MemoryBound: 64 * MiB)
        { Remote = WithWorkFactor("1e3"), Encrypted = true };
        yield return new HostileCase("remote encrypted", "wrong passphrase", "passphrase does not open")
        { Remote = AgeFile.Encrypt("{\"configs\":[]}"u8, "another passphrase", workFactor: 10), Encrypted = true };
        yield return new HostileCase("remote encrypted", "header without a payload", "cannot be decrypted")
        { Remote = HeaderOnly(), Encrypted = true };
        yield return new HostileCase("remote encrypted", "two scrypt stanzas", "cannot be decrypted")
        { Remote = TwoStanzas(), Encrypted = true };
        yield return new HostileCase("remote encrypted", "plain JSON while encryption is on", "plain JSON, but encryption is on")
        { Remote = "{\"configs\":[]}"u8.ToArray(), Encrypted = true };
        yield return new HostileCase("remote encrypted", "age header then 16 MiB", "MiB", MemoryBound: 160 * MiB)
        { Remote = [.. Encrypt("{\"configs\":[]}"u8.ToArray()), .. new byte[16 * MiB]], Encrypted = true };
    }

    /// <summary>
    /// Issue 26's adversary, local side: AWS variables that would put a line break into a request header
    /// (item C) or name a profile that is not there (item F). Credentials come from the environment, so
    /// config.json's are removed first.
    /// </summary>
    public static IEnumerable<HostileCase> AdversaryLocal()
    {
        foreach (var (name, token, expected) in new[]
        {
            ("AWS_SESSION_TOKEN with CR LF and a header", "tok\r\nX-Injected: 1", "the session token from AWS_SESSION_TOKEN must not contain spaces, line breaks or control characters"),
            ("AWS_SESSION_TOKEN with a lone LF", "tok\nX-Injected:1", "the session token from AWS_SESSION_TOKEN must not contain"),
            ("AWS_SESSION_TOKEN with non-ASCII", "tök-ünicode", "the session token from AWS_SESSION_TOKEN holds characters outside ASCII"),
        })
        {
            yield return new HostileCase("adversary environment", name, expected, ExitCode: 2)
            {
                Arrange = WithoutSavedCredentials,
                Variables = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "secret-example", ["AWS_SESSION_TOKEN"] = token },
                Commands = SyncCommands,
            };
        }
        yield return new HostileCase("adversary environment", "AWS_PROFILE naming no profile", "AWS_PROFILE names the profile 'no-such-profile'", ExitCode: 2)
        {
            Arrange = WithoutSavedCredentials,
            Variables = new Dictionary<string, string>
            {
                ["AWS_PROFILE"] = "no-such-profile",
                ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/start-claude-test/credentials",
                ["AWS_CONFIG_FILE"] = "/nonexistent/start-claude-test/config",
            },
            Commands = SyncCommands,
        };
    }

    /// <summary>Issue 26's adversary, remote side (item F): age files this version cannot open, each named for what it is.</summary>
    public static IEnumerable<HostileCase> AdversaryRemote()
    {
        var file = Encrypt("{\"configs\":[]}"u8.ToArray());
        var headerEnd = Encoding.Latin1.GetString(file).IndexOf("\n---", StringComparison.Ordinal);
        var crlfHeader = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(file[..headerEnd]).Replace("\n", "\r\n", StringComparison.Ordinal));
        yield return new HostileCase("adversary remote", "age header with CRLF line ends", "an age file that this version cannot read (its header lines end in CRLF")
        { Remote = [.. crlfHeader, .. file[headerEnd..]], Encrypted = true };
        var v2 = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(file).Replace("age-encryption.org/v1", "age-encryption.org/v2", StringComparison.Ordinal));
        yield return new HostileCase("adversary remote", "age-encryption.org/v2", "an age file that this version cannot read (its format is 'age-encryption.org/v2'")
        { Remote = v2, Encrypted = true };
        yield return new HostileCase("adversary remote", "age file encrypted to an X25519 key", "encrypted to a key (age recipient X25519), not with a passphrase")
        { Remote = ToX25519(file), Encrypted = true };
    }

    // The same file with its scrypt stanza replaced by an X25519 one, as `age -r age1…` writes (its MAC no
    // longer matches, which only matters if a stanza could be opened).
    private static byte[] ToX25519(byte[] file)
    {
        var text = Encoding.Latin1.GetString(file);
        var lines = text.Split('\n');
        var share = AgeBase64Text(32);
        var body = AgeBase64Text(32);
        return Encoding.Latin1.GetBytes(text.Replace(lines[1] + "\n" + lines[2] + "\n", $"-> X25519 {share}\n{body}\n", StringComparison.Ordinal));
    }

    private static string AgeBase64Text(int bytes) => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=');

    private static void WithoutSavedCredentials(TempHome home) => home.EditConfig(root =>
    {
        var sync = root["settings"]!["s3Sync"]!.AsObject();
        sync.Remove("accessKeyId");
        sync.Remove("secretAccessKey");
    });

    /// <summary>An age file at a cheap work factor (2^10): the content, not the key derivation, is under test.</summary>
    public static byte[] Encrypt(byte[] plaintext) => AgeFile.Encrypt(plaintext, Passphrase, workFactor: 10);

    // A real file whose scrypt stanza then asks for another work factor (its MAC no longer matches,
    // which only matters if the factor were accepted).
    private static byte[] WithWorkFactor(string factor)
    {
        var text = Encoding.Latin1.GetString(Encrypt("{\"configs\":[]}"u8.ToArray()));
        var line = text.Split('\n')[1];
        return Encoding.Latin1.GetBytes(text.Replace(line, line[..line.LastIndexOf(' ')] + " " + factor));
    }

    private static byte[] HeaderOnly()
    {
        var file = Encrypt("{\"configs\":[]}"u8.ToArray());
        var end = Encoding.Latin1.GetString(file).IndexOf("\n---", StringComparison.Ordinal);
        var macEnd = Array.IndexOf(file, (byte)'\n', end + 1);
        return file[..(macEnd + 1)];
    }

    private static byte[] TwoStanzas()
    {
        var text = Encoding.Latin1.GetString(Encrypt("{\"configs\":[]}"u8.ToArray()));
        var lines = text.Split('\n');
        var stanza = lines[1] + "\n" + lines[2] + "\n";
        return Encoding.Latin1.GetBytes(text.Replace(stanza, stanza + stanza));
    }

    private static void SetSyncField(TempHome home, string field, string json) =>
        home.EditConfig(root => root["settings"]!["s3Sync"]![field] = System.Text.Json.Nodes.JsonNode.Parse(json));

    private static void Relink(string link, string target)
    {
        File.Delete(link);
        File.CreateSymbolicLink(link, target);
    }

    public static void MakeFifo(string path)
    {
        File.Delete(path);
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path])!;
        mkfifo.WaitForExit();
        if (mkfifo.ExitCode != 0)
            throw new InvalidOperationException($"mkfifo {path} failed");
    }

    // A socket file outlives its listener only when the listener is not .NET (which removes it on close).
    private static void MakeSocket(string path)
    {
        File.Delete(path);
        using var python = System.Diagnostics.Process.Start("python3", ["-c", "import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])", path])!;
        python.WaitForExit();
        if (python.ExitCode != 0)
            throw new InvalidOperationException($"could not make a socket at {path}");
    }
}
