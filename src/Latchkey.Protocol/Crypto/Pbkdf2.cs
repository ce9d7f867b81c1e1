using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Latchkey.Protocol.Crypto;

/// <summary>
/// PBKDF2 (RFC 8018 §5.2) with HMAC (RFC 2104) over SHA-256 or SHA-512: the same bytes as
/// <see cref="Rfc2898DeriveBytes.Pbkdf2(string, byte[], int, HashAlgorithmName, int)"/> (the password as UTF-8),
/// about a third faster through <see cref="OpenSslDigest"/> where libcrypto 3 is available, and the framework's
/// otherwise. Every password check and human-chosen client secret costs one of these; it is most of a login's CPU.
/// </summary>
public static unsafe class Pbkdf2
{
    /// <summary>True where the faster path is used (Linux with OpenSSL 3).</summary>
    public static bool UsesOpenSslDigests => OpenSslDigest.Sha512 is not null && OpenSslDigest.Sha256 is not null;

    public static byte[] DeriveBytes(string password, ReadOnlySpan<byte> salt, int iterations, HashAlgorithmName hash, int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        var digest = OpenSslDigest.For(hash);
        if (digest is null) return Rfc2898DeriveBytes.Pbkdf2(password, salt.ToArray(), iterations, hash, length);
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        try
        {
            return Derive(digest, passwordBytes, salt, iterations, length);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }

    private static byte[] Derive(OpenSslDigest digest, ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int iterations, int length)
    {
        const int ctx = OpenSslDigest.ContextSize;
        var blockSize = digest.BlockSize;
        var hLen = digest.OutputSize;
        // Key block, the two prepared HMAC contexts (key ⊕ ipad, key ⊕ opad), a working context, U and T (RFC 8018 §5.2).
        var scratch = stackalloc byte[blockSize + 3 * ctx + 2 * hLen + 4];
        var scratchSpan = new Span<byte>(scratch, blockSize + 3 * ctx + 2 * hLen + 4);
        scratchSpan.Clear();
        byte* key = scratch, inner = key + blockSize, outer = inner + ctx, work = outer + ctx, u = work + ctx, t = u + hLen, counter = t + hLen;
        try
        {
            // RFC 2104 §2: a key longer than the block is hashed first (by the framework: one call over input of any
            // length must not run with the GC transition suppressed); shorter keys are padded with zeros.
            if (password.Length > blockSize)
            {
                if (blockSize == 128) SHA512.HashData(password, new Span<byte>(key, 64));
                else SHA256.HashData(password, new Span<byte>(key, 32));
            }
            else password.CopyTo(new Span<byte>(key, blockSize));
            for (var i = 0; i < blockSize; i++) key[i] ^= 0x36;
            digest.Init(inner);
            digest.Update(inner, key, blockSize);
            for (var i = 0; i < blockSize; i++) key[i] ^= 0x36 ^ 0x5c;
            digest.Init(outer);
            digest.Update(outer, key, blockSize);

            var result = new byte[length];
            fixed (byte* s = salt)
            {
                for (int block = 1, offset = 0; offset < length; block++, offset += hLen)
                {
                    // U1 = PRF(P, S || INT(i)); Uj = PRF(P, Uj-1); T = U1 ⊕ … ⊕ Uc.
                    BinaryPrimitives.WriteInt32BigEndian(new Span<byte>(counter, 4), block);
                    Buffer.MemoryCopy(inner, work, ctx, ctx);
                    digest.Update(work, s, salt.Length);
                    digest.Update(work, counter, 4);
                    digest.Final(work, u);
                    Buffer.MemoryCopy(outer, work, ctx, ctx);
                    digest.Update(work, u, hLen);
                    digest.Final(work, u);
                    Buffer.MemoryCopy(u, t, hLen, hLen);
                    for (var j = 1; j < iterations; j++)
                    {
                        Buffer.MemoryCopy(inner, work, ctx, ctx);
                        digest.Update(work, u, hLen);
                        digest.Final(work, u);
                        Buffer.MemoryCopy(outer, work, ctx, ctx);
                        digest.Update(work, u, hLen);
                        digest.Final(work, u);
                        for (var k = 0; k < hLen; k += 8) *(ulong*)(t + k) ^= *(ulong*)(u + k);
                    }
                    new ReadOnlySpan<byte>(t, Math.Min(hLen, length - offset)).CopyTo(result.AsSpan(offset));
                }
            }
            return result;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(scratchSpan);
        }
    }
}
