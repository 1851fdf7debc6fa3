using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Local;
using StartClaude.Core.Teams;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Machines;

[Command("key", Description = "Print this machine's public key (age1…), made the first time it is asked for; a machine already on the list adds it with s3-machines add.")]
internal sealed class S3MachinesKeyCommand(MachineIdentityStore identities, HomeLock homeLock, ToolConsole console) : CommandBase
{
    public int OnExecute()
    {
        Core.Encryption.AgeIdentity identity;
        using (homeLock.Acquire())
            identity = identities.GetOrCreate();
        console.Plain(identity.Recipient.Text);
        console.Error.WriteLine($"This machine's key ({identity.Recipient.Fingerprint}); its secret half is in {identities.Path} (0600, never sent). On a machine already on the list: start-claude s3-machines add NAME --key {identity.Recipient.Text}");
        return 0;
    }
}
