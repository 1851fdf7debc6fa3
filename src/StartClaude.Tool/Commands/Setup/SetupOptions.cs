using StartClaude.Abstractions;

namespace StartClaude.Tool.Commands.Setup;

/// <summary>What the command line told setup: the settings given as flags and the answers given in advance.</summary>
/// <param name="EnvironmentSecret">AWS_SECRET_ACCESS_KEY: stands in for --secret-access-key beside a given access key id (it stays out of shell history).</param>
internal sealed record SetupOptions(
    string? Provider,
    SettingsInput Flags,
    bool Yes,
    bool? Encrypt,
    bool RememberPassphrase,
    string? DeviceName,
    bool AcceptNewRegion,
    string? EnvironmentSecret)
{
    /// <summary>--claude-files: the Claude Code kinds this machine keeps in step (null: ask, or keep what was chosen).</summary>
    public IReadOnlySet<string>? ClaudeKinds { get; init; }

    /// <summary>--machine-keys: the remote is encrypted to this person's machines' keys (docs/encryption.md).</summary>
    public bool MachineKeys { get; init; }

    /// <summary>--machines-id: joins a machine list a machine on it approved this one for, pinned at this id.</summary>
    public string? MachinesId { get; init; }
}
