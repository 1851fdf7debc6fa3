using StartClaude.Abstractions;

namespace StartClaude.Core.Setup;

/// <summary>
/// Setup's own decisions, pure: which form the remote document takes, when existing settings need a yes to
/// be replaced, and what the remote holds. The wizard asks the questions; the answers' defaults come from here.
/// </summary>
public static class SetupRules
{
    /// <summary>Whether two settings name the same remote document (<see cref="Remote.RemoteIdentity"/>).</summary>
    public static bool SameRemote(S3SyncSettings a, S3SyncSettings b) => Remote.RemoteIdentity.Same(a, b);

    /// <summary>Settings for another remote replace stored ones only with a yes (<c>--yes</c> or a question).</summary>
    public static bool NeedsReplacementConfirmation(S3SyncSettings? stored, S3SyncSettings settings, bool yes)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return stored is not null && stored != settings && !yes && !SameRemote(stored, settings);
    }

    /// <summary>
    /// The form of the remote document: decided by a flag, or by what is there when nobody can be asked
    /// (every device sharing it reads that form), else asked with <see cref="EncryptionChoice.Default"/>.
    /// </summary>
    /// <param name="flag">--encrypt (true), --no-encrypt (false), or neither (null).</param>
    /// <param name="remote">The remote document's form: null when there is none, true when encrypted.</param>
    /// <param name="stored">What this machine had chosen for this remote before, if anything.</param>
    public static EncryptionChoice Encryption(bool? flag, bool canAsk, bool? remote, bool? stored)
    {
        if (flag is { } given)
            return new EncryptionChoice(given, given);
        if (remote is { } encrypted)
            return new EncryptionChoice(canAsk ? null : encrypted, encrypted);
        return new EncryptionChoice(canAsk ? null : stored ?? false, stored ?? true);
    }
}

/// <summary>The form decided (<paramref name="Decided"/>), or the default of the question that decides it.</summary>
public sealed record EncryptionChoice(bool? Decided, bool Default);
