using StartClaude.Core.Machines;

namespace StartClaude.Tool.Commands.Machines;

/// <summary>What the s3-machines commands say a change did to the passphrase key.</summary>
internal static class PassphraseKeyWords
{
    public static string Describe(MachineListChange change, string documentKey) => change.Passphrase switch
    {
        PassphraseKeyOutcome.Replaced when change.NewPassphraseUnchecked => $"The passphrase key was replaced ({MachineKeys.KeysObjectKey(documentKey)}): a new machine joins with the new passphrase only.",
        PassphraseKeyOutcome.Replaced => $"The passphrase key was replaced ({MachineKeys.KeysObjectKey(documentKey)}): a new machine joins with the new passphrase only; the old one opens nothing current.",
        PassphraseKeyOutcome.Dropped => $"The passphrase key was dropped ({MachineKeys.KeysObjectKey(documentKey)} deleted): machines join by approval only from now on (start-claude s3-machines add NAME --key KEY).",
        _ => "The machine list holds no passphrase key: machines join by approval only (start-claude s3-machines add NAME --key KEY).",
    };

    /// <summary>Said when KEY.keys.age was gone or damaged, so the new passphrase could not be told apart from the old one.</summary>
    public static string? Unchecked(MachineListChange change, string documentKey) => change.NewPassphraseUnchecked
        ? $"{MachineKeys.KeysObjectKey(documentKey)} was missing or damaged (someone with write access to the bucket may have removed it), so whether the new passphrase differs from the old one could not be checked: if it is the old one, whoever knows that opens what is written from now on; choose one never used here with start-claude s3-machines passphrase"
        : null;
}
