using McMaster.Extensions.CommandLineUtils;
using McMaster.Extensions.CommandLineUtils.Abstractions;
using StartClaude.Core.Errors;
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
        // Only the chosen command's own handler acts: it runs after that command's options are bound
        // (handlers run from the root down, each command's binding first).
        app.OnParsingComplete(result =>
        {
            if (ReferenceEquals(result.SelectedCommand, app))
                Apply(app, console, chosen, verbose);
        });
        foreach (var command in app.Commands)
            ApplyOnParse(command, console, chosen, verbose);
    }

    private static void Apply(CommandLineApplication selected, ToolConsole console, Action<string> chosen, Action verbose)
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
        chosen(names.Count == 0 ? "start-claude" : string.Join(' ', names));
        if (Model(selected) is JsonCommandBase { Json: true })
            console.JsonMode = true;
        if (names.Count > 0 && LaunchOptionsGiven(Model(Root(selected))) is { } given)
        {
            var command = string.Join(' ', names);
            // Advise moving the option only where the command takes it (edit --model); list takes no --api-key.
            var takesIt = selected.GetOptions().Any(o => "--" + o.LongName == given);
            throw new UsageException(takesIt
                ? $"{given} before '{command}' is for starting a config and would be ignored; put it after the command: start-claude {command} {given} ..."
                : $"{given} is for starting a config, and '{command}' takes no {given}: run start-claude {command} without it (see start-claude {command} --help), or start a config with it: start-claude <name> {given} ...");
        }
        if (isVerbose)
            verbose();
    }

    // start-claude --api-key K list: the key would silently go nowhere.
    private static string? LaunchOptionsGiven(object? root) => root is not RootCommand r ? null
        : r.ApiKey is not null ? "--api-key"
        : r.BaseUrl is not null ? "--base-url"
        : r.Model is not null ? "--model"
        : r.Variables.Length > 0 ? "--env"
        : null;

    private static CommandLineApplication Root(CommandLineApplication command) => command.Parent is { } parent ? Root(parent) : command;

    private static object? Model(CommandLineApplication command) => (command as IModelAccessor)?.GetModel();
}
