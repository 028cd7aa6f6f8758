using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SearchOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CustomerKeys_Customers_CustomerId",
                table: "CustomerKeys");

            migrationBuilder.DropPrimaryKey(
                name: "PK_CustomerKeys",
                table: "CustomerKeys");

            migrationBuilder.DropIndex(
                name: "IX_CustomerKeys_CustomerId",
                table: "CustomerKeys");

            migrationBuilder.AlterColumn<string>(
                name: "Organization",
                table: "CustomerSearch",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "CustomerSearch",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AddPrimaryKey(
                name: "PK_CustomerKeys",
                table: "CustomerKeys",
                columns: new[] { "Key", "Weight", "SearchId" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerKeys_SearchId",
                table: "CustomerKeys",
                column: "SearchId");

            migrationBuilder.AddForeignKey(
                name: "FK_CustomerKeys_CustomerSearch_SearchId",
                table: "CustomerKeys",
                column: "SearchId",
                principalTable: "CustomerSearch",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CustomerKeys_CustomerSearch_SearchId",
                table: "CustomerKeys");

            migrationBuilder.DropPrimaryKey(
                name: "PK_CustomerKeys",
                table: "CustomerKeys");

            migrationBuilder.DropIndex(
                name: "IX_CustomerKeys_SearchId",
                table: "CustomerKeys");

            migrationBuilder.AlterColumn<string>(
                name: "Organization",
                table: "CustomerSearch",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "CustomerSearch",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldCollation: "C");

            migrationBuilder.AddPrimaryKey(
                name: "PK_CustomerKeys",
                table: "CustomerKeys",
                columns: new[] { "Key", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerKeys_CustomerId",
                table: "CustomerKeys",
                column: "CustomerId");

            migrationBuilder.AddForeignKey(
                name: "FK_CustomerKeys_Customers_CustomerId",
                table: "CustomerKeys",
                column: "CustomerId",
                principalTable: "Customers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
