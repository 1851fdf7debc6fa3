namespace StartClaude.Core.Configs;

/// <summary>
/// The configuration fields the original tool writes, and the Claude Code environment variables they
/// become (as Claude Code's settings documentation names them). Every other field is kept as it is.
/// </summary>
public static class ConfigFields
{
    public static readonly IReadOnlyList<string> ProfileTypes = ["default", "official"];

    public static readonly IReadOnlyList<string> PermissionModes = ["default", "acceptEdits", "plan", "bypassPermissions"];

    public static ConfigField Name { get; } = new("name", FieldKind.Text);
    public static ConfigField ProfileType { get; } = new("profileType", FieldKind.Choice, Choices: ProfileTypes);
    public static ConfigField ApiKey { get; } = new("apiKey", FieldKind.Secret, "ANTHROPIC_API_KEY");
    public static ConfigField AuthToken { get; } = new("authToken", FieldKind.Secret, "ANTHROPIC_AUTH_TOKEN");
    public static ConfigField BaseUrl { get; } = new("baseUrl", FieldKind.Url, "ANTHROPIC_BASE_URL");
    public static ConfigField Model { get; } = new("model", FieldKind.Text, "ANTHROPIC_MODEL");
    public static ConfigField SmallFastModel { get; } = new("smallFastModel", FieldKind.Text, "ANTHROPIC_SMALL_FAST_MODEL");
    public static ConfigField PermissionMode { get; } = new("permissionMode", FieldKind.Choice, Choices: PermissionModes);
    public static ConfigField IsDefault { get; } = new("isDefault", FieldKind.Flag);
    public static ConfigField Enabled { get; } = new("enabled", FieldKind.Flag);
    public static ConfigField Order { get; } = new("order", FieldKind.Number);

    /// <summary>Header lines ("Name: value"): a secret that holds spaces by its nature.</summary>
    public static ConfigField CustomHeaders { get; } = new("customHeaders", FieldKind.Secret, "ANTHROPIC_CUSTOM_HEADERS");

    public static IReadOnlyList<ConfigField> All { get; } =
    [
        Name,
        ProfileType,
        ApiKey,
        AuthToken,
        BaseUrl,
        Model,
        SmallFastModel,
        PermissionMode,
        IsDefault,
        Enabled,
        Order,
        new("transformerEnabled", FieldKind.Flag),
        CustomHeaders,
        new("smallFastModelAwsRegion", FieldKind.Text, "ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION"),
        new("awsBearerTokenBedrock", FieldKind.Secret, "AWS_BEARER_TOKEN_BEDROCK"),
        new("bashDefaultTimeoutMs", FieldKind.Number, "BASH_DEFAULT_TIMEOUT_MS"),
        new("bashMaxTimeoutMs", FieldKind.Number, "BASH_MAX_TIMEOUT_MS"),
        new("bashMaxOutputLength", FieldKind.Number, "BASH_MAX_OUTPUT_LENGTH"),
        new("maintainProjectWorkingDir", FieldKind.Flag, "CLAUDE_BASH_MAINTAIN_PROJECT_WORKING_DIR"),
        new("apiKeyHelperTtlMs", FieldKind.Number, "CLAUDE_CODE_API_KEY_HELPER_TTL_MS"),
        new("ideSkipAutoInstall", FieldKind.Flag, "CLAUDE_CODE_IDE_SKIP_AUTO_INSTALL"),
        new("maxOutputTokens", FieldKind.Number, "CLAUDE_CODE_MAX_OUTPUT_TOKENS"),
        new("useBedrock", FieldKind.Flag, "CLAUDE_CODE_USE_BEDROCK"),
        new("useVertex", FieldKind.Flag, "CLAUDE_CODE_USE_VERTEX"),
        new("skipBedrockAuth", FieldKind.Flag, "CLAUDE_CODE_SKIP_BEDROCK_AUTH"),
        new("skipVertexAuth", FieldKind.Flag, "CLAUDE_CODE_SKIP_VERTEX_AUTH"),
        new("disableNonessentialTraffic", FieldKind.Flag, "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"),
        new("disableTerminalTitle", FieldKind.Flag, "CLAUDE_CODE_DISABLE_TERMINAL_TITLE"),
        new("disableAutoupdater", FieldKind.Flag, "DISABLE_AUTOUPDATER"),
        new("disableBugCommand", FieldKind.Flag, "DISABLE_BUG_COMMAND"),
        new("disableCostWarnings", FieldKind.Flag, "DISABLE_COST_WARNINGS"),
        new("disableErrorReporting", FieldKind.Flag, "DISABLE_ERROR_REPORTING"),
        new("disableNonEssentialModelCalls", FieldKind.Flag, "DISABLE_NON_ESSENTIAL_MODEL_CALLS"),
        new("disableTelemetry", FieldKind.Flag, "DISABLE_TELEMETRY"),
        new("httpProxy", FieldKind.Url, "HTTP_PROXY"),
        new("httpsProxy", FieldKind.Url, "HTTPS_PROXY"),
        new("maxThinkingTokens", FieldKind.Number, "MAX_THINKING_TOKENS"),
        new("mcpTimeout", FieldKind.Number, "MCP_TIMEOUT"),
        new("mcpToolTimeout", FieldKind.Number, "MCP_TOOL_TIMEOUT"),
        new("maxMcpOutputTokens", FieldKind.Number, "MAX_MCP_OUTPUT_TOKENS"),
        new("vertexRegionHaiku", FieldKind.Text, "VERTEX_REGION_CLAUDE_3_5_HAIKU"),
        new("vertexRegionSonnet", FieldKind.Text, "VERTEX_REGION_CLAUDE_3_5_SONNET"),
        new("vertexRegion37Sonnet", FieldKind.Text, "VERTEX_REGION_CLAUDE_3_7_SONNET"),
        new("vertexRegion40Opus", FieldKind.Text, "VERTEX_REGION_CLAUDE_4_0_OPUS"),
        new("vertexRegion40Sonnet", FieldKind.Text, "VERTEX_REGION_CLAUDE_4_0_SONNET"),
    ];

    /// <summary>The known field called <paramref name="name"/> (case-insensitive), or null.</summary>
    public static ConfigField? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
