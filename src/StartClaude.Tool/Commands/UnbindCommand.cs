using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Bindings;
using StartClaude.Core.Documents;
using StartClaude.Core.Local;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands;

[Command("unbind", Description = "Remove this folder's binding: its " + BindingFile.FileName + " file and this machine's --here-only binding, whichever there are.")]
internal sealed class UnbindCommand(HereOnlyBindings hereOnly, ConfigChooser chooser, HomeLock homeLock, AppEnvironment environment, ToolConsole console) : CommandBase
{
    public int OnExecute()
    {
        var folder = HereOnlyBindings.Key(Folders.Current(environment));
        var removed = false;
        if (BindingFile.Remove(folder))
        {
            console.Plain($"Removed {TerminalText.Escape(BindingFile.PathIn(folder))}.");
            removed = true;
        }
        using (homeLock.Acquire())
        {
            var bindings = hereOnly.Read();
            if (bindings.Remove(folder, out var name))
            {
                hereOnly.Save(bindings);
                console.Plain($"Removed this machine's binding of {TerminalText.Escape(folder)} to '{TerminalText.Escape(name)}' from {TerminalText.Escape(hereOnly.Path)}.");
                removed = true;
            }
        }
        if (!removed)
            console.Plain($"Nothing is bound in {TerminalText.Escape(folder)}.");
        // A binding further up still applies: say so, so that nobody thinks the default is now in force.
        if (chooser.NearestBinding() is { } inherited)
            console.Plain($"Starts here still use '{TerminalText.Escape(inherited.ConfigName)}': {ConfigChooser.Reason(new ConfigChoice(inherited.ConfigName, ConfigSource.Binding, inherited))}.");
        return 0;
    }
}
