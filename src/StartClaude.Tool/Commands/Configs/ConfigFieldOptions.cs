using System.Text.Json.Nodes;
using McMaster.Extensions.CommandLineUtils;
using StartClaude.Core.Configs;
using StartClaude.Core.Errors;

namespace StartClaude.Tool.Commands.Configs;

/// <summary>The field flags <c>add</c> and <c>edit</c> share; each is checked before anything is written.</summary>
internal abstract class ConfigFieldOptions : CommandBase
{
    [Option("--profile-type <TYPE>", Description = "default (an API key and base URL) or official (Claude's own login).")]
    public string? ProfileType { get; set; }

    [Option("--api-key <KEY>", Description = "API key (ANTHROPIC_API_KEY).")]
    public string? ApiKey { get; set; }

    [Option("--auth-token <TOKEN>", Description = "Bearer token (ANTHROPIC_AUTH_TOKEN).")]
    public string? AuthToken { get; set; }

    [Option("--base-url <URL>", Description = "API base URL (ANTHROPIC_BASE_URL), an absolute http(s) URL.")]
    public string? BaseUrl { get; set; }

    [Option("--model <MODEL>", Description = "Model (ANTHROPIC_MODEL).")]
    public string? Model { get; set; }

    [Option("--small-fast-model <MODEL>", Description = "Small, fast model for background tasks (ANTHROPIC_SMALL_FAST_MODEL).")]
    public string? SmallFastModel { get; set; }

    [Option("--permission-mode <MODE>", Description = "Passed to claude as --permission-mode: default, acceptEdits, plan or bypassPermissions.")]
    public string? PermissionMode { get; set; }

    [Option("--order <N>", Description = "Position in lists; lower first.")]
    public string? Order { get; set; }

    [Option("--enabled <BOOL>", Description = "true or false; a disabled config cannot be started.")]
    public string? Enabled { get; set; }

    [Option("--default", Description = "Make this config the default.")]
    public bool MakeDefault { get; set; }

    [Option("--set <ASSIGNMENT>", Description = "Set any other known field as FIELD=VALUE, for example --set httpsProxy=http://proxy:3128 or --set disableTelemetry=true (repeatable).")]
    public string[] Set { get; set; } = [];

    protected bool AnyFieldGiven => Assignments().Count > 0 || MakeDefault;

    /// <summary>Every field given by a flag, parsed and checked.</summary>
    /// <exception cref="UsageException">A value is invalid, or --set names an unknown field.</exception>
    protected IReadOnlyList<(ConfigField Field, JsonNode Value)> Assignments()
    {
        var given = new List<(ConfigField, string)>();
        void Add(ConfigField field, string? text)
        {
            if (text is not null)
                given.Add((field, text));
        }
        Add(ConfigFields.ProfileType, ProfileType);
        Add(ConfigFields.ApiKey, ApiKey);
        Add(ConfigFields.AuthToken, AuthToken);
        Add(ConfigFields.BaseUrl, BaseUrl);
        Add(ConfigFields.Model, Model);
        Add(ConfigFields.SmallFastModel, SmallFastModel);
        Add(ConfigFields.PermissionMode, PermissionMode);
        Add(ConfigFields.Order, Order);
        Add(ConfigFields.Enabled, Enabled);
        foreach (var assignment in Set)
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? assignment[..equals] : assignment;
            var field = ConfigFields.Find(name);
            if (equals <= 0 || field is null || field == ConfigFields.Name || field == ConfigFields.IsDefault)
            {
                var why = equals <= 0 ? "takes FIELD=VALUE" : field is null ? $"does not know the field '{name}'" : $"does not set '{field.Name}' (use {(field == ConfigFields.Name ? "--rename" : "--default")})";
                throw new UsageException($"--set {why}; known fields: {string.Join(", ", ConfigFields.All.Where(f => f != ConfigFields.Name && f != ConfigFields.IsDefault).Select(f => f.Name))}");
            }
            given.Add((field, assignment[(equals + 1)..]));
        }
        return [.. given.Select(g => (g.Item1, FieldValue.Parse(g.Item1, g.Item2)))];
    }

    protected static void Apply(JsonObject config, IEnumerable<(ConfigField Field, JsonNode Value)> assignments)
    {
        foreach (var (field, value) in assignments)
            config[field.Name] = value.DeepClone();
    }
}
