/* cli.h — the saywho command line, kept in the library so tests can reach
 * every part of it; main.c only calls saywho_cli_main(). */
#pragma once

/* Exit statuses. */
enum {
  SAYWHO_EXIT_OK = 0,
  SAYWHO_EXIT_FAILED = 1,   /* some document failed, or output failed */
  SAYWHO_EXIT_USAGE = 2,    /* the run could not start: arguments, lexicons */
};

int saywho_cli_main (int argc, char **argv);
