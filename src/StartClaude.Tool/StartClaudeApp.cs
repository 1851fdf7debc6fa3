using McMaster.Extensions.CommandLineUtils;
using Microsoft.Extensions.DependencyInjection;
using StartClaude.Abstractions;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Local;
using StartClaude.Core.Remote;
using StartClaude.Tool.Commands;
using StartClaude.Tool.Composition;
using StartClaude.Tool.Console;

namespace StartClaude.Tool;

/// <summary>The composition root: one service collection, the command tree, and the mapping of failures to exit codes.</summary>
public static class StartClaudeApp
{
    public const string TimeoutVariable = "START_CLAUDE_TIMEOUT_SECONDS";

    /// <summary>
    /// Parses <paramref name="args"/> and runs the command on the calling thread: its awaits continue on
    /// the thread pool, so a hop there first would only cost time. The exit code is returned, never thrown.
    /// </summary>
    public static int Run(string[] args, ToolConsole console, AppEnvironment environment, string? providerFolder = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(environment);
        var command = "start-claude";
        var words = NormalizeSpelling(args);
        try
        {
            using var services = BuildServices(console, environment, providerFolder ?? AppContext.BaseDirectory);
            using var interrupt = console.IsInteractive ? CancelKeyCleanup.Install(console) : null;
            var exitCode = PlainStart.TryMatch(words, out var name, out var forClaude)
                ? StartDirectly(services, name, forClaude)
                : ParseAndRun(args, words, services, console, chosen => command = chosen);
            if (exitCode == ExitCodes.Success)
                console.WriteWarningsKeptForSuccess();
            return exitCode;
        }
        catch (StartClaudeException ex)
        {
            return Fail(console, args, command, ex.Message, ex.ExitCode);
        }
        catch (OperationCanceledException)
        {
            return Fail(console, args, command, "cancelled; nothing was changed", ExitCodes.Failure);
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("interactive", StringComparison.OrdinalIgnoreCase))
        {
            // Spectre refuses to prompt on a non-interactive console; never hang, never crash.
            return Fail(console, args, command, "a question needs a terminal; pass the flags that answer it (see --help)", ExitCodes.Usage);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Files are read and written through code that names them in a StartClaudeException: what
            // arrives here raw is the console itself, a stdout that is closed, full or a broken pipe.
            return Fail(console, args, command, $"cannot write the output: {ex.Message}", ExitCodes.Failure);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug, not a user error. Only the type is shown: a third-party message might quote
            // a request or a value, and nothing here may print a secret.
            return Fail(console, args, command, $"internal error ({ex.GetType().Name}); please report it", ExitCodes.Failure);
        }
    }

    // Apart from Run, so that a start which needs no parsing does not load CommandLineUtils for these catch clauses.
    private static int ParseAndRun(string[] args, string[] words, ServiceProvider services, ToolConsole console, Action<string> chosen)
    {
        var needed = CommandCatalog.NeededFor(words);
        try
        {
            try
            {
                return Execute(words, needed, services, console, chosen);
            }
            catch (CommandParsingException) when (needed.Count < CommandCatalog.Names.Count)
            {
                // A word the smaller tree does not hold: parse again with every command, so the error
                // reads exactly as with the whole tree.
                return Execute(words, CommandCatalog.All, services, console, chosen);
            }
        }
        catch (CommandParsingException ex)
        {
            // Parsing failed, so no command was chosen: the failure is start-claude's.
            return Fail(console, args, "start-claude", ParseFailureMessage.For(ex, words), ExitCodes.Usage);
        }
    }

    // The same root command that parsing would make and run, with the words parsing would bind.
    private static int StartDirectly(ServiceProvider services, string? name, string[] forClaude)
    {
        var root = services.GetRequiredService<RootCommand>();
        root.Name = name;
        root.RemainingArguments = forClaude;
        return root.OnExecuteAsync().GetAwaiter().GetResult();
    }

    // Builds the command tree with the commands in needed, then parses and runs.
    private static int Execute(string[] words, IReadOnlySet<string> needed, ServiceProvider services, ToolConsole console, Action<string> chosen)
    {
        using var app = BuildCommandTree(needed, services, console, chosen);
        return app.Execute(words);
    }

    internal static CommandLineApplication<RootCommand> BuildCommandTree(IReadOnlySet<string> needed, ServiceProvider services, ToolConsole console, Action<string> chosen)
    {
        var app = new CommandLineApplication<RootCommand>(new CommandHelpText(), new HelpConsole(new SpectreTextWriter(console), console.Error), Directory.GetCurrentDirectory(), throwOnUnexpectedArg: true);
        // First of the handlers: CommandLineUtils 2.3 would set the root's name on the chosen command's model.
        app.OnParsingComplete(result => RefuseCommandAfterName(app, result));
        // Injection first: the default conventions may create the root model while they apply.
        // Deferred: only the command that runs (and the root, whose options bind) gets its services built.
        // The rest is CommandLineUtils' UseDefaultConventions() without its own constructor injection,
        // which would resolve every command's services at start-up through the container set above,
        // and with the commands from the catalog where its [Subcommand] convention would add them.
        // UseAttributes() is spelled out without its first convention, which creates every attribute of
        // every member to look for custom conventions (none here, nor among CommandLineUtils' own
        // attributes): about 5 ms of reflection on every run that parses.
        app.Conventions.AddConvention(new DeferredConstructorInjection(services))
            .UseCommandAttribute()
            .UseVersionOptionFromMemberAttribute()
            .UseVersionOptionAttribute()
            .UseHelpOptionAttribute()
            .UseOptionAttributes()
            .UseArgumentAttributes()
            .UseSubcommandAttributes()
            .AddConvention(new CatalogSubcommands(needed))
            .SetAppNameFromEntryAssembly()
            .SetRemainingArgsPropertyOnModel()
            .SetSubcommandPropertyOnModel()
            .SetParentPropertyOnModel()
            .UseOnExecuteMethodFromModel()
            .UseOnValidateMethodFromModel()
            .UseOnValidationErrorMethodFromModel()
            .UseDefaultHelpOption()
            .UseCommandNameFromModelType();
        CommonOptions.ApplyOnParse(app, console, chosen,
            () =>
            {
                var remotes = services.GetRequiredService<RemoteStoreFactory>();
                remotes.OnExchange = exchange => TraceExchange(console, exchange);
                remotes.OnProxy = proxy => console.Error.WriteLine($"http: through proxy {proxy}");
            });
        RouteValidationErrors(app, console);
        return app;
    }

    // "start-claude work list": a config name, then a command.
    private static void RefuseCommandAfterName(CommandLineApplication root, McMaster.Extensions.CommandLineUtils.Abstractions.ParseResult result)
    {
        if (ReferenceEquals(result.SelectedCommand, root) || root.Arguments.FirstOrDefault(a => a.Values.Count > 0) is not { } given)
            return;
        var command = result.SelectedCommand.Name;
        throw new UsageException($"'{command}' is a command, so it cannot follow '{given.Value}': run start-claude {command}, or pass it to claude after --: start-claude {given.Value} -- {command}");
    }

    // One line on stderr; with --json also the failure as the one object on stdout. A secret given on
    // the command line is masked wherever a message quotes it (a parse error quotes arguments).
    private static int Fail(ToolConsole console, string[] args, string command, string message, int exitCode)
    {
        // One line whatever the message quotes (a START_CLAUDE_HOME holding a line break, a name from a file).
        message = TerminalText.Escape(CommandLineSecrets.Mask(message, args));
        WriteIfPossible(() => console.Error.WriteLine($"error: {message}"));
        if (console.JsonMode)
            WriteIfPossible(() => console.WriteJson(JsonOutput.Failure(command, message, exitCode)));
        return exitCode;

        // The failure may be that stdout or stderr cannot be written: the exit code then says it.
        static void WriteIfPossible(Action write)
        {
            try
            {
                write();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    // Method, path, status and time only: headers (Authorization) and bodies (API keys) never appear.
    private static void TraceExchange(ToolConsole console, S3Exchange exchange) =>
        console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"http: {exchange.Method} {exchange.Path} -> {exchange.Status}{(exchange.ErrorCode is null ? "" : " " + exchange.ErrorCode)} ({exchange.Elapsed.TotalMilliseconds:0} ms)"));

    /// <summary>The original tool's newer spelling `s3 setup` means `s3-setup` (only for a command that exists: `s3 bogus` is refused as such).</summary>
    internal static string[] NormalizeSpelling(string[] args) =>
        args is ["s3", var verb, .. var rest] && !verb.StartsWith('-') && CommandCatalog.IsCommandWord($"s3-{verb}") ? [$"s3-{verb}", .. rest] : args;

    internal static ServiceProvider BuildServices(ToolConsole console, AppEnvironment environment, string providerFolder)
    {
        var services = new ServiceCollection();
        services.AddStartClaude(console, environment, TimeoutsFrom(environment));
        // Discovered when a command first needs a provider: list, show and a start without sync load no module.
        services.AddSingleton(_ => ProviderModuleLoader.Discover(providerFolder, console.Warn));
        return services.BuildServiceProvider();
    }

    private static RemoteTimeouts TimeoutsFrom(AppEnvironment environment)
    {
        if (environment.Get(TimeoutVariable) is null)
            return RemoteTimeouts.Default;
        var perCall = environment.Seconds(TimeoutVariable, TimeSpan.Zero, 0, 600, minExclusive: true);
        return new RemoteTimeouts(perCall < RemoteTimeouts.Default.Connect ? perCall : RemoteTimeouts.Default.Connect, perCall);
    }

    private static void RouteValidationErrors(CommandLineApplication app, ToolConsole console)
    {
        app.ValidationErrorHandler = result => Fail(console, [], app.Name ?? "start-claude", result.ErrorMessage ?? "invalid arguments", ExitCodes.Usage);
        foreach (var command in app.Commands)
            RouteValidationErrors(command, console);
    }
}
