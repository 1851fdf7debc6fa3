using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Local;
using StartClaude.Core.Teams;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Teams;

[Command("key", Description = "Print this machine's public key (age1…), made the first time it is asked for; send it to a team's admin to be invited.")]
internal sealed class TeamKeyCommand(MachineIdentityStore identities, HomeLock homeLock, ToolConsole console) : CommandBase
{
    public int OnExecute()
    {
        Core.Encryption.AgeIdentity identity;
        using (homeLock.Acquire())
            identity = identities.GetOrCreate();
        console.Plain(identity.Recipient.Text);
        console.Error.WriteLine($"This machine's key ({identity.Recipient.Fingerprint}); its secret half is in {identities.Path} (0600, never sent). An admin invites you with: start-claude team invite TEAM --name YOUR-NAME --key {identity.Recipient.Text}");
        return 0;
    }
}
