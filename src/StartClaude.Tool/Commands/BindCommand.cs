using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Bindings;
using StartClaude.Core.Configs;
using StartClaude.Core.Documents;
using StartClaude.Core.Local;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands;

[Command("bind", Description = "Make starts in this folder and below use a configuration: writes " + BindingFile.FileName + " here (commit it to share), or with --here-only records it on this machine only.")]
internal sealed class BindCommand(LocalConfigStore localStore, HereOnlyBindings hereOnly, HomeLock homeLock, AppEnvironment environment, ToolConsole console) : CommandBase
{
    [Argument(0, "name", Description = "The configuration starts here should use.")]
    [Required(ErrorMessage = "name the config to bind this folder to (start-claude list shows them)")]
    public string Name { get; set; } = "";

    [Option("--here-only", Description = "Record the binding in this machine's " + HereOnlyBindings.FileName + " (in the start-claude home, never synced) instead of writing a file into the folder.")]
    public bool HereOnly { get; set; }

    public int OnExecute()
    {
        // Only a config this machine has: a binding to nothing would fail every start here.
        var config = ConfigBook.Get(localStore.ReadOrEmpty(), Name);
        var name = config.Name!;
        var folder = HereOnlyBindings.Key(Folders.Current(environment));
        if (HereOnly)
        {
            using (homeLock.Acquire())
            {
                var bindings = hereOnly.Read();
                bindings[folder] = name;
                hereOnly.Save(bindings);
            }
            console.Plain($"Starts in {TerminalText.Escape(folder)} and below now use '{TerminalText.Escape(name)}' on this machine (recorded in {TerminalText.Escape(hereOnly.Path)}).");
            return 0;
        }
        var path = BindingFile.Write(folder, name);
        console.Plain($"Starts in {TerminalText.Escape(folder)} and below now use '{TerminalText.Escape(name)}': {TerminalText.Escape(path)} names it (nothing secret; commit it to share the binding).");
        // In one folder this machine's own binding comes first: say so rather than let the file seem ignored.
        if (hereOnly.Read().TryGetValue(folder, out var mine) && !Core.Documents.ConfigIdentity.NameComparer.Equals(mine, name))
            console.Warn($"on this machine starts here still use '{TerminalText.Escape(mine)}', bound with --here-only in {TerminalText.Escape(hereOnly.Path)} (start-claude unbind removes both)");
        return 0;
    }
}
