using System.Reflection;
using McMaster.Extensions.CommandLineUtils;
using McMaster.Extensions.CommandLineUtils.Conventions;
using Microsoft.Extensions.DependencyInjection;

namespace StartClaude.Tool.Composition;

/// <summary>
/// Constructor injection that resolves a command's services when its model is first needed, not when
/// the command tree is built. CommandLineUtils' own convention resolves every subcommand's dependencies
/// at start-up, so `start-claude NAME` paid for the sync engine, every provider and the wizard before
/// it read one file.
/// </summary>
internal sealed class DeferredConstructorInjection : ConstructorInjectionConvention
{
    private readonly IServiceProvider _services;

    public DeferredConstructorInjection(IServiceProvider services)
        : base(services) => _services = services;

    private static readonly MethodInfo UseFactoryMethod =
        typeof(DeferredConstructorInjection).GetMethod(nameof(UseFactory), BindingFlags.NonPublic | BindingFlags.Static)!;

    public override void Apply(ConventionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The base convention only hands the services to the command (for validation attributes) when given no model type.
        base.Apply(new ConventionContext(context.Application, null!));
        if (context.ModelType is { } modelType)
            UseFactoryMethod.MakeGenericMethod(modelType).Invoke(null, [context.Application, _services]);
    }

    private static void UseFactory<TModel>(CommandLineApplication application, IServiceProvider services)
        where TModel : class =>
        ((CommandLineApplication<TModel>)application).ModelFactory = () =>
            services.GetService<TModel>() ?? ActivatorUtilities.CreateInstance<TModel>(services);
}
