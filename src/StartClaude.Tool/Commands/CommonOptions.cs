using McMaster.Extensions.CommandLineUtils;
using McMaster.Extensions.CommandLineUtils.Abstractions;
using StartClaude.Tool.Console;

namespace StartClaude.Tool.Commands;

/// <summary>
/// Applies the options of <see cref="CommandBase"/> once parsing has chosen the command: never looked up
/// in the raw arguments, so nothing after <c>--</c> (claude's) is ever taken for one of ours.
/// </summary>
internal static class CommonOptions
{
    /// <param name="app">The root of the command tree; every command gets the handler.</param>
    /// <param name="console">Put into JSON mode when the chosen command has <c>--json</c>.</param>
    /// <param name="chosen">Receives the chosen command's full name ("s3-sync", "backups restore").</param>
    /// <param name="verbose">Called when the chosen command or one enclosing it has <c>--verbose</c>.</param>
    public static void ApplyOnParse(CommandLineApplication app, ToolConsole console, Action<string> chosen, Action verbose)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.OnParsingComplete(result => chosen(Apply(result.SelectedCommand, console, verbose)));
        foreach (var command in app.Commands)
            ApplyOnParse(command, console, chosen, verbose);
    }

    private static string Apply(CommandLineApplication selected, ToolConsole console, Action verbose)
    {
        var isVerbose = false;
        var names = new List<string>();
        for (var command = selected; command is not null; command = command.Parent)
        {
            if (command.Parent is not null)
                names.Insert(0, command.Name!);
            // start-claude --verbose s3-sync: an enclosing command's --verbose counts too.
            isVerbose |= Model(command) is CommandBase { Verbose: true };
        }
        if (Model(selected) is JsonCommandBase { Json: true })
            console.JsonMode = true;
        if (isVerbose)
            verbose();
        return names.Count == 0 ? "start-claude" : string.Join(' ', names);
    }

    private static object? Model(CommandLineApplication command) => (command as IModelAccessor)?.GetModel();
}
