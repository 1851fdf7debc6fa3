using StartClaude.Core.Encryption;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;

namespace StartClaude.Core.Teams;

/// <summary>
/// This machine's own age X25519 identity, in <c>~/.start-claude/identity.txt</c> (0600), written in
/// age-keygen's format so that <c>age -d -i</c> opens with it what start-claude can.
/// </summary>
public sealed class MachineIdentityStore(AppEnvironment environment, TimeProvider? time = null)
{
    public const string FileName = "identity.txt";

    private AgeIdentity? _identity;

    public string Path => System.IO.Path.Combine(environment.StartClaudeHome, FileName);

    /// <summary>The identity, or null when this machine has none yet.</summary>
    /// <exception cref="LocalConfigException">The file is there but holds no identity.</exception>
    public AgeIdentity? Existing()
    {
        if (_identity is not null)
            return _identity;
        // Bounded, and never a FIFO or a folder taken for the file: the one reader of small local files.
        if (LocalFile.ReadBytes(Path, 64 * 1024) is not { } bytes)
            return null;
        try
        {
            // Decoded as File.ReadAllText would (a byte order mark is read, not kept).
            using var text = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return _identity = AgeIdentity.ReadFile(text.ReadToEnd());
        }
        catch (FormatException ex)
        {
            throw new LocalConfigException($"{Path} holds no usable age identity ({ex.Message}); move it away to have a new one made (teams you joined with it will need to invite the new key); nothing was changed");
        }
    }

    /// <summary>The identity, made and saved (0600) the first time it is needed.</summary>
    public AgeIdentity GetOrCreate()
    {
        if (Existing() is { } existing)
            return existing;
        var identity = AgeIdentity.Generate();
        AtomicFile.EnsurePrivateFolder(environment.StartClaudeHome);
        AtomicFile.Write(Path, System.Text.Encoding.ASCII.GetBytes(identity.ToFileText((time ?? TimeProvider.System).GetUtcNow())));
        return _identity = identity;
    }
}
