using McMaster.Extensions.CommandLineUtils;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Machines;

[Command("key", Description = "Print this machine's public key (age1…), made the first time it is asked for; a machine already on the list adds it with s3-machines add.")]
internal sealed class S3MachinesKeyCommand(MachineKeyPrinter printer) : CommandBase
{
    public int OnExecute() => printer.Print(key => $"On a machine already on the list: start-claude s3-machines add NAME --key {key}");
}
