using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Local;
using StartClaude.Core.Machines;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands.Machines;

[Command("remove", Description = "Remove a machine from the list: the current document re-encrypted without its key, in one conditional write.")]
internal sealed class S3MachinesRemoveCommand(MachineKeysSettings settingsReader, MachineKeysMembership membership, HomeLock homeLock, ToolConsole console) : CommandBase
{
    [Argument(0, "name", Description = "The machine's name on the list (start-claude s3-machines lists them).")]
    [Required(ErrorMessage = "name the machine: start-claude s3-machines remove NAME")]
    public string Name { get; set; } = "";

    public async Task<int> OnExecuteAsync()
    {
        var settings = settingsReader.Read();
        MachineListChange change;
        using (homeLock.Acquire())
            change = await membership.RemoveAsync(settings, Name).ConfigureAwait(false);
        console.Plain($"Removed {Core.Documents.TerminalText.Bounded(Name)}: the remote document is now encrypted to {change.After.Members.Count} keys, and that machine cannot open what is written from now on.");
        console.Plain("Versions written before stay readable to it where the bucket keeps versions (s3-history); rotate any API key it should no longer have.");
        return 0;
    }
}
