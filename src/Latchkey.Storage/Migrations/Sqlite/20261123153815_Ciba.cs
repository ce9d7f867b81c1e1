using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Latchkey.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Ciba : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BackchannelClientNotificationEndpoint",
                table: "Clients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BackchannelTokenDeliveryMode",
                table: "Clients",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "BackchannelUserCodeParameter",
                table: "Clients",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "BackchannelAuthentications",
                columns: table => new
                {
                    AuthReqIdHash = table.Column<string>(type: "TEXT", nullable: false),
                    Realm = table.Column<string>(type: "TEXT", nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Scopes = table.Column<string>(type: "TEXT", nullable: false),
                    BindingMessage = table.Column<string>(type: "TEXT", nullable: true),
                    AcrValues = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IntervalSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    LastPolledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ProtectedNotification = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    GrantId = table.Column<string>(type: "TEXT", nullable: true),
                    AuthTime = table.Column<long>(type: "INTEGER", nullable: true),
                    SessionId = table.Column<string>(type: "TEXT", nullable: true),
                    Amr = table.Column<string>(type: "TEXT", nullable: false),
                    ConsumedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BackchannelAuthentications", x => x.AuthReqIdHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BackchannelAuthentications_ExpiresAt",
                table: "BackchannelAuthentications",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_BackchannelAuthentications_Realm_UserId_Status",
                table: "BackchannelAuthentications",
                columns: new[] { "Realm", "UserId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BackchannelAuthentications");

            migrationBuilder.DropColumn(
                name: "BackchannelClientNotificationEndpoint",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "BackchannelTokenDeliveryMode",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "BackchannelUserCodeParameter",
                table: "Clients");
        }
    }
}
