using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Latchkey.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RefreshReuseGrace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "ProtectedSuccessor",
                table: "RefreshTokens",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuccessorHash",
                table: "RefreshTokens",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RefreshTokenReuseGraceSeconds",
                table: "Clients",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProtectedSuccessor",
                table: "RefreshTokens");

            migrationBuilder.DropColumn(
                name: "SuccessorHash",
                table: "RefreshTokens");

            migrationBuilder.DropColumn(
                name: "RefreshTokenReuseGraceSeconds",
                table: "Clients");
        }
    }
}
