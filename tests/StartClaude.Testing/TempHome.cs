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

    public void WriteConfig(string json) => File.WriteAllText(ConfigPath, json, new UTF8Encoding(false));

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
