using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands;

[Command("backups", Description = "List the copies of config.json kept before the tool replaced or merged into it.")]
[Subcommand(typeof(BackupsRestoreCommand))]
internal sealed class BackupsCommand(BackupStore backups, ToolConsole console) : CommandBase
{
    public int OnExecute()
    {
        var list = backups.List();
        if (list.Count == 0)
        {
            console.Plain($"No backups yet in {backups.Folder}.");
            return 0;
        }
        console.Plain($"Backups in {backups.Folder}, newest first:");
        foreach (var backup in list)
        {
            string configs;
            try
            {
                configs = LocalFile.ReadBytes(backup.Path, ConfigDocument.MaxBytes) is { } bytes
                    ? Counts.Configs(ConfigDocument.Parse(bytes, backup.Path).LiveConfigs.Count)
                    : "gone";
            }
            catch (StartClaudeException)
            {
                configs = "not a config document";
            }
            console.Plain($"  {backup.Id}  {Times.Describe(backup.Taken)}  {Sizes.Describe(backup.Size),9}  {configs}");
        }
        console.Plain("Restore one with: start-claude backups restore <id>   (or: latest)");
        return 0;
    }
}
