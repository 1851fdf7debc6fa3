using StartClaude.Core.Documents;
using StartClaude.Core.Errors;
using StartClaude.Core.Remote;

namespace StartClaude.Core.Encryption;

/// <summary>
/// The form the shared document takes in the bucket: plain JSON, or (with encryption on) an age file
/// with a passphrase stanza. A document in the other form is recognised and refused with what to do,
/// never parsed as something it is not.
/// </summary>
public sealed class DocumentCodec
{
    public const string RemoteOrigin = "the remote document";

    private readonly Func<string>? _ask;
    private readonly Func<int, string?>? _askAgain;
    private readonly Func<Func<byte[]>, byte[]> _whileDeriving;
    private readonly Lock _gate = new();
    private string? _passphrase;

    private readonly IDocumentSeal? _seal;

    private DocumentCodec(Func<string>? ask, Func<int, string?>? askAgain, Func<Func<byte[]>, byte[]>? whileDeriving, IDocumentSeal? seal = null)
    {
        _seal = seal;
        _ask = ask;
        _askAgain = askAgain;
        _whileDeriving = whileDeriving ?? (derive => derive());
    }

    public static DocumentCodec Plain { get; } = new(null, null, null);

    /// <param name="passphrase">Asked for only when a document is first encrypted or decrypted.</param>
    /// <param name="askAgain">
    /// After the passphrase of try <c>n</c> (1 for the first) did not open a document: another one, or
    /// null to give up (it came from the environment or memory, there is no terminal, or tries ran out).
    /// </param>
    /// <param name="whileDeriving">Runs a key derivation (scrypt, a second or more): a terminal shows that work goes on.</param>
    public static DocumentCodec Encrypted(Func<string> passphrase, Func<int, string?>? askAgain = null, Func<Func<byte[]>, byte[]>? whileDeriving = null)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        return new DocumentCodec(passphrase, askAgain, whileDeriving);
    }

    /// <summary>Encrypted to keys and signed by <paramref name="seal"/> (a team document, a personal remote on machine keys).</summary>
    public static DocumentCodec Sealed(IDocumentSeal seal)
    {
        ArgumentNullException.ThrowIfNull(seal);
        return new DocumentCodec(null, null, null, seal);
    }

    public bool Encrypts => _ask is not null || _seal is not null;

    /// <summary>Whether documents are encrypted to keys rather than with a passphrase.</summary>
    public bool IsSealed => _seal is not null;

    private string Passphrase
    {
        get
        {
            lock (_gate)
                return _passphrase ??= _ask!();
        }
    }

    public static bool IsEncrypted(ReadOnlySpan<byte> body) => AgeHeader.LooksLikeAge(body) || AgeArmor.LooksArmored(body);

    /// <summary>The bytes to upload: the document without s3Sync, encrypted when encryption is on.</summary>
    public EncodedDocument Encode(ConfigDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var json = Sync.SharedDocument.FromLocal(document).ToUtf8Bytes();
        if (_seal is not null)
            return _seal.Seal(json);
        if (!Encrypts)
            return new EncodedDocument(json);
        var passphrase = Passphrase;
        return new EncodedDocument(_whileDeriving(() => AgeFile.Encrypt(json, passphrase, AgeWorkFactor.ForNewFiles)));
    }

    /// <summary>Tells a sealed form that what <see cref="Encode"/> gave is now the remote document.</summary>
    public void Written(EncodedDocument written)
    {
        ArgumentNullException.ThrowIfNull(written);
        _seal?.Written(written);
    }

    /// <summary>An older version of the document (history, restore): a sealed one is checked against the lists it went through.</summary>
    public ConfigDocument DecodeVersion(RemoteObject version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return _seal is null ? Decode(version) : ConfigDocument.Parse(_seal.OpenVersion(version), RemoteOrigin);
    }

    public ConfigDocument Decode(RemoteObject remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (_seal is not null)
        {
            if (!IsEncrypted(remote.Content))
                throw new RemoteEncryptionException("the remote document is not encrypted (it is not an age file), but it must be encrypted to the members' keys and signed by one of them; nothing was changed");
            return ConfigDocument.Parse(_seal.Open(remote), RemoteOrigin);
        }
        return Decode(remote.Content);
    }

    /// <exception cref="RemoteEncryptionException">The document is in the other form, or the passphrase does not open it.</exception>
    /// <exception cref="DocumentFormatException">The document is not a config document (or its encryption is damaged).</exception>
    public ConfigDocument Decode(ReadOnlySpan<byte> body)
    {
        if (_seal is not null)
            return Decode(new RemoteObject(body.ToArray(), new RemoteObjectInfo(body.Length, null, null)));
        var encrypted = IsEncrypted(body);
        if (!encrypted && UnreadableAge(body) is { } why)
            throw new DocumentFormatException($"{RemoteOrigin} is an age file that this version cannot read ({why}); nothing was changed");
        if (!Encrypts)
        {
            if (encrypted)
                throw new RemoteEncryptionException("the remote document is encrypted (age), but encryption is off on this machine: run start-claude s3-setup --encrypt and give its passphrase; nothing was changed");
            return ConfigDocument.Parse(body, RemoteOrigin);
        }
        if (!encrypted)
            throw new RemoteEncryptionException("the remote document is plain JSON, but encryption is on here: a device without encryption wrote it. Turn encryption on there (start-claude s3-setup --encrypt), or replace it with an encrypted copy of this machine's configs (start-claude s3-upload); nothing was changed");
        return ConfigDocument.Parse(Decrypt(body.ToArray()), RemoteOrigin);
    }

    // A passphrase that does not open the file is asked again while askAgain gives another; the one
    // that opens it is kept, so the upload after a sync encrypts with it.
    private byte[] Decrypt(byte[] body)
    {
        for (var attempt = 1; ; attempt++)
        {
            var passphrase = Passphrase;
            try
            {
                var file = AgeArmor.LooksArmored(body) ? AgeArmor.Decode(body) : body;
                return _whileDeriving(() => AgeFile.Decrypt(file, passphrase));
            }
            catch (AgeException ex) when (ex.Failure == AgeFailure.NoMatch && RecipientTypes(AgeArmor.LooksArmored(body) ? AgeArmor.Decode(body) : body) is { } types)
            {
                throw new RemoteEncryptionException($"the remote document is encrypted to a key (age recipient {types}), not with a passphrase, and start-claude opens only passphrase-encrypted documents (age -p); re-encrypt it with a passphrase, or replace it with this machine's configs (start-claude s3-upload); nothing was changed");
            }
            catch (AgeException ex) when (ex.Failure == AgeFailure.NoMatch)
            {
                if (_askAgain?.Invoke(attempt) is not { } another)
                    throw new RemoteEncryptionException("the passphrase does not open the remote document (or the key wrapped in its header was damaged); nothing was changed");
                lock (_gate)
                    _passphrase = another;
            }
            catch (AgeException ex)
            {
                throw new DocumentFormatException($"{RemoteOrigin} is encrypted but cannot be decrypted ({ex.Message}); nothing was changed");
            }
        }
    }

    private const string AgeIntroduction = "age-encryption.org/";

    // An age file in a form this version does not read (another version, CRLF line ends a transfer made),
    // which would otherwise be taken for plain JSON; null when it is not one.
    private static string? UnreadableAge(ReadOnlySpan<byte> body)
    {
        if (!body.StartsWith(System.Text.Encoding.ASCII.GetBytes(AgeIntroduction)))
            return null;
        var end = body.IndexOf((byte)'\n');
        var first = System.Text.Encoding.ASCII.GetString(body[..(end < 0 ? Math.Min(body.Length, 64) : Math.Min(end, 64))]);
        if (first == AgeHeader.VersionLine + "\r")
            return "its header lines end in CRLF, where age requires LF: something on the way rewrote its line ends";
        return $"its format is '{TerminalText.Escape(first.TrimEnd('\r'))}', and this version reads {AgeHeader.VersionLine}";
    }

    // The recipient types of the header when none is a passphrase (scrypt), e.g. "X25519"; else null.
    private static string? RecipientTypes(byte[] file)
    {
        try
        {
            var types = AgeHeader.Parse(file).Stanzas.Select(s => s.Type).Distinct(StringComparer.Ordinal).ToList();
            return types.Count == 0 || types.Contains(AgeScrypt.StanzaType) ? null : string.Join(", ", types.Select(t => TerminalText.Bounded(t)));
        }
        catch (AgeException)
        {
            return null;
        }
    }
}
