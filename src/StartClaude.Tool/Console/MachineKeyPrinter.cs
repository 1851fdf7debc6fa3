using StartClaude.Core.Local;
using StartClaude.Core.Teams;

namespace StartClaude.Tool.Console;

/// <summary>
/// Prints this machine's public key (made the first time it is asked for) on stdout, for scripts, and on stderr where
/// its secret half is and what the person who receives it runs (<c>team key</c>, <c>s3-machines key</c>).
/// </summary>
internal sealed class MachineKeyPrinter(MachineIdentityStore identities, HomeLock homeLock, ToolConsole console)
{
    /// <param name="nextStep">What the receiver runs, given the key's text.</param>
    public int Print(Func<string, string> nextStep)
    {
        Core.Encryption.AgeIdentity identity;
        using (homeLock.Acquire())
            identity = identities.GetOrCreate();
        console.Plain(identity.Recipient.Text);
        console.Error.WriteLine($"This machine's key ({identity.Recipient.Fingerprint}); its secret half is in {identities.Path} (0600, never sent). {nextStep(identity.Recipient.Text)}");
        return 0;
    }
}
