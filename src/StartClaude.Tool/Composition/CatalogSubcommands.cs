using McMaster.Extensions.CommandLineUtils.Conventions;
using StartClaude.Tool.Commands;

namespace StartClaude.Tool.Composition;

/// <summary>
/// Adds the root's commands from <see cref="CommandCatalog"/>, only those a run needs. It stands where
/// CommandLineUtils' [Subcommand] convention stood, so every later convention applies to them as before.
/// </summary>
internal sealed class CatalogSubcommands(IReadOnlySet<string> needed) : IConvention
{
    public void Apply(ConventionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Application.Parent is null && context.ModelType == typeof(RootCommand))
            CommandCatalog.AddTo(context.Application, needed);
    }
}
