using McMaster.Extensions.CommandLineUtils;
using McMaster.Extensions.CommandLineUtils.HelpText;

namespace StartClaude.Tool.Console;

/// <summary>
/// CommandLineUtils' help, with a subcommand's hint naming the whole command line
/// ("Run 'start-claude backups [command] --help'", not "Run 'backups [command] --help'").
/// </summary>
internal sealed class CommandHelpText : DefaultHelpTextGenerator
{
    public override void Generate(CommandLineApplication application, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(output);
        using var text = new StringWriter();
        base.Generate(application, text);
        output.Write(text.ToString().Replace($"Run '{application.Name} [command]", $"Run '{FullName(application)} [command]", StringComparison.Ordinal));
    }

    private static string FullName(CommandLineApplication application) =>
        application.Parent is { } parent ? $"{FullName(parent)} {application.Name}" : application.Name ?? "start-claude";
}
