using StartClaude.Core.Errors;
using StartClaude.Core.Local;

namespace StartClaude.Tool.Commands;

/// <summary>The current folder for the commands that act on it, or one clear error when it is gone.</summary>
internal static class Folders
{
    /// <exception cref="LocalConfigException">The current folder no longer exists or cannot be read.</exception>
    public static string Current(AppEnvironment environment)
    {
        try
        {
            return environment.CurrentFolder;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LocalConfigException($"cannot tell the current folder ({LocalFile.Reason(ex)})", ex);
        }
    }
}
