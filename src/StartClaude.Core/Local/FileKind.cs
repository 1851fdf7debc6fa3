namespace StartClaude.Core.Local;

/// <summary>What a path names, found without opening it (opening a FIFO for reading blocks).</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Unknown,
}
