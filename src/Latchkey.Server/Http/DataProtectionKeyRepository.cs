using System.Xml.Linq;
using Latchkey.Storage;
using Latchkey.Storage.Entities;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Server.Http;

/// <summary>
/// The Data Protection key ring in the database, so every node reads the same keys: a login cookie set by one
/// node opens on another, and a signing key encrypted by one decrypts on all.
/// </summary>
public sealed class DataProtectionKeyRepository(IDbContextFactory<LatchkeyDbContext> factory) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = factory.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse).ToArray();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = factory.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKeyEntity { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }

    /// <summary>
    /// Versions before the database ring kept keys as files in the data directory. Signing keys are encrypted with
    /// them, so on the first start with an empty table they are copied in once; the files are left in place.
    /// </summary>
    public async Task ImportFilesOnceAsync(string directory, CancellationToken ct)
    {
        if (!Directory.Exists(directory)) return;
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.DataProtectionKeys.AnyAsync(ct)) return;
        foreach (var file in Directory.EnumerateFiles(directory, "*.xml").Order(StringComparer.Ordinal))
        {
            var element = XElement.Load(file);
            db.DataProtectionKeys.Add(new DataProtectionKeyEntity
            {
                FriendlyName = Path.GetFileNameWithoutExtension(file), Xml = element.ToString(SaveOptions.DisableFormatting),
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
