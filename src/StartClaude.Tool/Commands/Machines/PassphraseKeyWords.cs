using StartClaude.Core.Machines;

namespace StartClaude.Tool.Commands.Machines;

/// <summary>What the s3-machines commands say a change did to the passphrase key.</summary>
internal static class PassphraseKeyWords
{
    public static string Describe(PassphraseKeyOutcome outcome, string documentKey) => outcome switch
    {
        PassphraseKeyOutcome.Replaced => $"The passphrase key was replaced ({MachineKeys.KeysObjectKey(documentKey)}): a new machine joins with the new passphrase only; the old one opens nothing current.",
        PassphraseKeyOutcome.Dropped => $"The passphrase key was dropped ({MachineKeys.KeysObjectKey(documentKey)} deleted): machines join by approval only from now on (start-claude s3-machines add NAME --key KEY).",
        _ => "The machine list holds no passphrase key: machines join by approval only (start-claude s3-machines add NAME --key KEY).",
    };
}
