using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Latchkey.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClientAssertions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "PasswordGrantIdTokens",
                table: "Realms",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "Jwks",
                table: "Clients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "JwksUri",
                table: "Clients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "ProtectedSecret",
                table: "Clients",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TokenEndpointAuthMethod",
                table: "Clients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "UsedClientAssertions",
                columns: table => new
                {
                    Realm = table.Column<string>(type: "TEXT", nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", nullable: false),
                    JtiHash = table.Column<string>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsedClientAssertions", x => new { x.Realm, x.ClientId, x.JtiHash });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UsedClientAssertions");

            migrationBuilder.DropColumn(
                name: "PasswordGrantIdTokens",
                table: "Realms");

            migrationBuilder.DropColumn(
                name: "Jwks",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "JwksUri",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "ProtectedSecret",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "TokenEndpointAuthMethod",
                table: "Clients");
        }
    }
}
