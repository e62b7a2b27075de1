/* saywho.h — the public API of libsaywho, in one header.
 *
 * A C program annotates text like this:
 *
 *   SaywhoConfig config = { saywho_lexicon_default_dir (), "english" };
 *   g_autoptr (SaywhoPipeline) pipeline = saywho_pipeline_new (&config, NULL, &error);
 *   g_autoptr (SaywhoWorker) worker = saywho_worker_new (pipeline, &error);
 *   g_autoptr (SaywhoDocument) doc = saywho_document_new ("a", "Xi said so.");
 *   saywho_worker_process (worker, doc, &error);
 *   // read doc->tokens, doc->entities, doc->quotes, or format it:
 *   saywho_format_lookup ("conllup")->document (doc, out);
 */
#pragma once

#include "document.h"
#include "stage.h"
#include "source.h"
#include "format.h"
#include "sink.h"
#include "driver.h"
#include "lexicon.h"
#include "score.h"

#define SAYWHO_VERSION_STRING SAYWHO_VERSION
