using System.Buffers.Binary;
using System.Security.Cryptography;

namespace StartClaude.Core.Encryption;

/// <summary>
/// age's STREAM payload: ChaCha20-Poly1305 over 64 KiB chunks, each nonce an 11-byte big-endian
/// counter and a last-chunk flag. Decryption releases nothing unless every chunk authenticates and
/// the stream ends exactly at its final chunk.
/// </summary>
public static class AgeStream
{
    public const int ChunkSize = 64 * 1024;
    private const int TagSize = 16;

    public static byte[] Encrypt(byte[] key, ReadOnlySpan<byte> plaintext)
    {
        using var aead = new ChaCha20Poly1305(key);
        var chunks = Math.Max(1, (plaintext.Length + ChunkSize - 1) / ChunkSize);
        var output = new byte[plaintext.Length + chunks * TagSize];
        for (var i = 0; i < chunks; i++)
        {
            var chunk = plaintext.Slice(i * ChunkSize, Math.Min(ChunkSize, plaintext.Length - i * ChunkSize));
            var target = output.AsSpan(i * (ChunkSize + TagSize), chunk.Length + TagSize);
            aead.Encrypt(Nonce(i, last: i == chunks - 1), chunk, target[..chunk.Length], target[chunk.Length..]);
        }
        return output;
    }

    public static byte[] Decrypt(byte[] key, ReadOnlySpan<byte> ciphertext)
    {
        using var aead = new ChaCha20Poly1305(key);
        using var plaintext = new MemoryStream();
        var buffer = new byte[ChunkSize];
        var position = 0;
        for (long counter = 0; ; counter++)
        {
            var remaining = ciphertext.Length - position;
            if (remaining < TagSize)
                throw Broken(counter == 0 ? "the payload holds no chunk" : "the payload ends inside a chunk");
            var last = remaining <= ChunkSize + TagSize;
            var length = last ? remaining : ChunkSize + TagSize;
            var chunk = ciphertext.Slice(position, length);
            var plain = buffer.AsSpan(0, length - TagSize);
            try
            {
                aead.Decrypt(Nonce(counter, last), chunk[..^TagSize], chunk[^TagSize..], plain);
            }
            catch (AuthenticationTagMismatchException)
            {
                throw Broken("a payload chunk does not authenticate (changed, truncated or extended)");
            }
            if (last && plain.Length == 0 && counter > 0)
                throw Broken("the payload ends with an empty chunk after a full one");
            plaintext.Write(plain);
            position += length;
            if (last)
                return plaintext.ToArray();
        }
    }

    private static byte[] Nonce(long counter, bool last)
    {
        var nonce = new byte[12];
        BinaryPrimitives.WriteInt64BigEndian(nonce.AsSpan(3, 8), counter);
        nonce[11] = last ? (byte)1 : (byte)0;
        return nonce;
    }

    private static AgeException Broken(string why) => new(AgeFailure.Payload, $"the encrypted payload is damaged: {why}");
}
