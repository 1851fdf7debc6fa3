using McMaster.Extensions.CommandLineUtils;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Teams;

[Command("key", Description = "Print this machine's public key (age1…), made the first time it is asked for; send it to a team's admin to be invited.")]
internal sealed class TeamKeyCommand(MachineKeyPrinter printer) : CommandBase
{
    public int OnExecute() => printer.Print(key => $"An admin invites you with: start-claude team invite TEAM --name YOUR-NAME --key {key}");
}
