using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StationMap.Data.Migrations
{
    /// <inheritdoc />
    public partial class StationOtherServices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "other_services",
                table: "stations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "other_services",
                table: "stations");
        }
    }
}
