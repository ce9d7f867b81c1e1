namespace Latchkey.Interop.Tests.Matrix;

/// <summary>
/// xunit runs a collection that disables parallelization after all the others have finished, so this
/// report sees every cell the interop tests recorded.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MatrixReportCollection
{
    public const string Name = "Interop matrix report";
}
