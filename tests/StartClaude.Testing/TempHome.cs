using System.Text;

namespace StartClaude.Testing;

/// <summary>A throwaway START_CLAUDE_HOME: one simulated device.</summary>
public sealed class TempHome : IDisposable
{
    public TempHome()
    {
        Folder = Directory.CreateTempSubdirectory("start-claude-home-").FullName;
    }

    public string Folder { get; }

    public string ConfigPath => Path.Combine(Folder, "config.json");

    public bool ConfigExists => File.Exists(ConfigPath);

    /// <summary>Writes config.json as the tool would leave it: mode 0600, so runs have nothing to tighten.</summary>
    public void WriteConfig(string json)
    {
        File.WriteAllText(ConfigPath, json, new UTF8Encoding(false));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(ConfigPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public string ReadConfig() => File.ReadAllText(ConfigPath);

    public byte[] ReadConfigBytes() => File.ReadAllBytes(ConfigPath);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public static class TempHomeEdits
{
    /// <summary>Changes config.json as a person (or the original tool) would, between runs of the tool.</summary>
    public static void EditConfig(this TempHome home, Action<System.Text.Json.Nodes.JsonObject> edit)
    {
        ArgumentNullException.ThrowIfNull(home);
        ArgumentNullException.ThrowIfNull(edit);
        var root = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(home.ReadConfig())!;
        edit(root);
        home.WriteConfig(root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }

    public static System.Text.Json.Nodes.JsonArray Configs(this System.Text.Json.Nodes.JsonObject root) =>
        (System.Text.Json.Nodes.JsonArray)root["configs"]!;

    public static System.Text.Json.Nodes.JsonObject Config(this System.Text.Json.Nodes.JsonObject root, string name) =>
        root.Configs().OfType<System.Text.Json.Nodes.JsonObject>().Single(c => (string?)c["name"] == name);

    public static void AddConfig(this System.Text.Json.Nodes.JsonObject root, string name, string model = "claude-sonnet-4") =>
        root.Configs().Add(new System.Text.Json.Nodes.JsonObject { ["name"] = name, ["model"] = model, ["apiKey"] = $"sk-ant-api03-{name}-SECRETSECRETSECRET" });

    public static void RemoveConfig(this System.Text.Json.Nodes.JsonObject root, string name) =>
        root.Configs().Remove(root.Config(name));
}
