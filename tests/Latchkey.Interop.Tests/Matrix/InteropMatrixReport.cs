using Xunit.Abstractions;

namespace Latchkey.Interop.Tests.Matrix;

/// <summary>Prints the client × flow matrix to the test output and writes it beside the test assembly.</summary>
[Collection(MatrixReportCollection.Name)]
public sealed class InteropMatrixReport(ITestOutputHelper output)
{
    public const string FileName = "interop-matrix.md";

    [Fact]
    public async Task Client_by_flow_matrix()
    {
        var matrix = InteropMatrix.Render();
        var path = Path.Combine(AppContext.BaseDirectory, FileName);
        await File.WriteAllTextAsync(path, matrix);
        output.WriteLine(matrix);
        output.WriteLine($"written to {path}");
    }
}
