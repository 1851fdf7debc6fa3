using StartClaude.Core.Configs;
using StartClaude.Core.Documents;
using StartClaude.Core.Errors;

namespace StartClaude.Core.Launch;

/// <summary>Command-line values that take precedence over the chosen config (and work without one).</summary>
public sealed record LaunchOverrides(string? ApiKey, string? BaseUrl, string? Model, IReadOnlyList<string> Variables)
{
    public static LaunchOverrides None { get; } = new(null, null, null, []);

    public bool Any => ApiKey is not null || BaseUrl is not null || Model is not null || Variables.Count > 0;
}

/// <summary>What starting Claude Code means for one config: the variables to set and the arguments to pass.</summary>
/// <param name="ConfigName">The config started, or null when only overrides were given.</param>
public sealed record LaunchPlan(string? ConfigName, IReadOnlyDictionary<string, string> Variables, IReadOnlyList<string> Arguments)
{
    /// <summary>
    /// The config's fields become Claude Code's environment (see <see cref="ConfigFields"/>), then the
    /// overrides apply, <c>-e</c> last; <c>permissionMode</c> becomes <c>--permission-mode</c> unless the
    /// pass-through arguments already choose one. Pass-through arguments follow untouched.
    /// </summary>
    /// <exception cref="UsageException">An override is malformed.</exception>
    public static LaunchPlan For(ConfigEntry? config, LaunchOverrides overrides, IReadOnlyList<string> passThrough)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(passThrough);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (config is not null)
        {
            foreach (var field in ConfigFields.All)
            {
                if (field.EnvironmentVariable is not null && FieldValue.ForEnvironment(field, config.Node[field.Name]) is { } value)
                    variables[field.EnvironmentVariable!] = value;
            }
        }

        if (overrides.ApiKey is { } apiKey)
        {
            if (FieldValue.Problem(ConfigFields.ApiKey, apiKey) is { } problem)
                throw new UsageException($"--api-key: {problem}");
            variables[ConfigFields.ApiKey.EnvironmentVariable!] = apiKey;
        }
        if (overrides.BaseUrl is { } baseUrl)
        {
            if (FieldValue.Problem(ConfigFields.BaseUrl, baseUrl) is { } problem)
                throw new UsageException($"--base-url: {problem}");
            variables[ConfigFields.BaseUrl.EnvironmentVariable!] = baseUrl;
        }
        if (overrides.Model is { } model)
            variables[ConfigFields.Model.EnvironmentVariable!] = model;
        foreach (var assignment in overrides.Variables)
        {
            var (name, value) = ParseAssignment(assignment);
            variables[name] = value;
        }

        var arguments = new List<string>();
        if (config?.PermissionMode is { Length: > 0 } mode && mode != "default" && !ChoosesPermissionMode(passThrough))
        {
            arguments.Add("--permission-mode");
            arguments.Add(mode);
        }
        arguments.AddRange(passThrough);
        return new LaunchPlan(config?.Name, variables, arguments);
    }

    // A loop rather than LINQ, like the rest of a start's way (System.Linq is not loaded for it).
    private static bool ChoosesPermissionMode(IReadOnlyList<string> passThrough)
    {
        foreach (var argument in passThrough)
        {
            if (argument == "--permission-mode" || argument.StartsWith("--permission-mode=", StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static (string Name, string Value) ParseAssignment(string assignment)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        var name = equals > 0 ? assignment[..equals] : "";
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || char.IsAsciiDigit(name[0]))
            throw new UsageException($"-e takes NAME=VALUE with a variable name of letters, digits and _ (got '{(equals > 0 ? name : assignment.Split('=')[0])}')");
        return (name, assignment[(equals + 1)..]);
    }
}
