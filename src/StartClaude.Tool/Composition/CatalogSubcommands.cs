using System.Reflection;
using McMaster.Extensions.CommandLineUtils;
using McMaster.Extensions.CommandLineUtils.Conventions;
using StartClaude.Tool.Commands;

namespace StartClaude.Tool.Composition;

/// <summary>
/// Adds the root's commands from <see cref="CommandCatalog"/>, only those a run needs, in help's order.
/// It stands where CommandLineUtils' [Subcommand] convention stood, so every later convention applies
/// to them as before.
/// </summary>
internal sealed class CatalogSubcommands(IReadOnlySet<string> needed) : IConvention
{
    private static readonly MethodInfo AddMethod =
        typeof(CatalogSubcommands).GetMethod(nameof(Add), BindingFlags.NonPublic | BindingFlags.Static)!;

    public void Apply(ConventionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Application.Parent is not null || context.ModelType != typeof(RootCommand))
            return;
        var types = CommandCatalog.Types;
        for (var i = 0; i < CommandCatalog.Names.Count; i++)
        {
            if (needed.Contains(CommandCatalog.Names[i]))
                AddMethod.MakeGenericMethod(types[i]).Invoke(null, [context.Application, CommandCatalog.Names[i]]);
        }
    }

    private static void Add<TCommand>(CommandLineApplication root, string name)
        where TCommand : class =>
        root.Command<TCommand>(name, _ => { });
}
