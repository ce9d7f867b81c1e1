using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Latchkey.Protocol.Crypto;

/// <summary>
/// SHA-256 and SHA-512 straight from OpenSSL's libcrypto (<c>SHA256_Init/Update/Final</c>, <c>SHA512_*</c>), with the
/// context kept in the caller's memory. PBKDF2 runs two hashes per iteration and copies a prepared context before
/// each; OpenSSL's own <c>PKCS5_PBKDF2_HMAC</c> (what <see cref="Rfc2898DeriveBytes"/> calls on Linux) allocates,
/// copies and cleanses an HMAC context per iteration, which on OpenSSL 3.0 costs about a third of the time
/// (docs/performance.md, "Password hashing"). Null where libcrypto 3 is not there (Windows, macOS) and where
/// OpenSSL runs in FIPS mode (these calls do not go through its providers): callers fall back to the framework.
/// </summary>
internal sealed unsafe class OpenSslDigest
{
    /// <summary>Room for either context: SHA256_CTX is 112 bytes, SHA512_CTX 216; both are plain data, so a
    /// byte copy of one is a valid context.</summary>
    public const int ContextSize = 256;

    public static readonly OpenSslDigest? Sha256 = Load("SHA256", blockSize: 64, outputSize: 32);
    public static readonly OpenSslDigest? Sha512 = Load("SHA512", blockSize: 128, outputSize: 64);

    private readonly delegate* unmanaged[SuppressGCTransition]<byte*, int> _init;
    private readonly delegate* unmanaged[SuppressGCTransition]<byte*, byte*, nuint, int> _update;
    private readonly delegate* unmanaged[SuppressGCTransition]<byte*, byte*, int> _final;

    private OpenSslDigest(nint init, nint update, nint final, int blockSize, int outputSize)
    {
        _init = (delegate* unmanaged[SuppressGCTransition]<byte*, int>)init;
        _update = (delegate* unmanaged[SuppressGCTransition]<byte*, byte*, nuint, int>)update;
        _final = (delegate* unmanaged[SuppressGCTransition]<byte*, byte*, int>)final;
        BlockSize = blockSize;
        OutputSize = outputSize;
    }

    public int BlockSize { get; }
    public int OutputSize { get; }

    public static OpenSslDigest? For(HashAlgorithmName hash) =>
        hash == HashAlgorithmName.SHA256 ? Sha256 : hash == HashAlgorithmName.SHA512 ? Sha512 : null;

    public void Init(byte* context) => Check(_init(context));

    public void Update(byte* context, byte* data, int length) => Check(_update(context, data, (nuint)length));

    public void Final(byte* context, byte* output) => Check(_final(output, context));

    private static void Check(int result)
    {
        if (result != 1) throw new CryptographicException("libcrypto digest call failed.");
    }

    private static OpenSslDigest? Load(string name, int blockSize, int outputSize)
    {
        if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad("libcrypto.so.3", out var library)) return null;
        if (!NativeLibrary.TryGetExport(library, "EVP_default_properties_is_fips_enabled", out var fips)
            || ((delegate* unmanaged<nint, int>)fips)(0) != 0)
            return null;
        return NativeLibrary.TryGetExport(library, name + "_Init", out var init)
            && NativeLibrary.TryGetExport(library, name + "_Update", out var update)
            && NativeLibrary.TryGetExport(library, name + "_Final", out var final)
            ? new OpenSslDigest(init, update, final, blockSize, outputSize)
            : null;
    }
}
