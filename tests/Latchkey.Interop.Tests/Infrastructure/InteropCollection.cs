using Latchkey.Server.Tests.Browser;

namespace Latchkey.Interop.Tests.Infrastructure;

/// <summary>
/// Every interop test shares one Latchkey and one Chromium and runs one at a time (two cores). The matrix
/// report runs after them (<see cref="Matrix.MatrixReportCollection"/>).
/// </summary>
[CollectionDefinition(Name)]
public sealed class InteropCollection : ICollectionFixture<ChromiumFixture>, ICollectionFixture<InteropFixture>
{
    public const string Name = "Interop";
}
