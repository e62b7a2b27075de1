/* main.c — the saywho program. */
#include "cli.h"

int
main (int argc, char **argv)
{
  return saywho_cli_main (argc, argv);
}
