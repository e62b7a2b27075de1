#!/usr/bin/perl
# conlleval.pl — a chunk scorer that follows the rules of the CoNLL shared
# tasks' conlleval script, written for saywho's tests so that `saywho
# eval` can be checked against an independent implementation.
#
# Input (standard input or the files named): one token a line, fields
# separated by white space (or by the string given with -d), the correct
# tag in the next-to-last field and the guessed tag in the last; a blank
# line, or a line whose first field is -X-, ends a sentence.  Tags are
# B-TYPE, I-TYPE, E-TYPE, S-TYPE or O; as in the conlleval copies that
# accept IOBES, S- is a chunk of one token and E- ends a chunk, and here
# BILOU's L- and U- count as E- and S-.
#
# Output: conlleval's report — tokens and phrases, accuracy, and precision,
# recall and FB1 over all chunks and per type, with the number of chunks
# guessed of each type.
#
# Unlike the state machine below, saywho matches whole chunks by span and
# type; both count the same chunks as correct, which is what the test that
# runs this script checks.
use strict;
use warnings;

my $separator = undef;
if (@ARGV >= 2 && $ARGV[0] eq '-d') {
    shift @ARGV;
    $separator = shift @ARGV;
}

# Tag letter and type of a tag, as conlleval splits it.
sub split_tag {
    my ($tag) = @_;
    my ($letter, $type);
    if ($tag =~ /^([^-]*)-(.*)$/) {
        ($letter, $type) = ($1, $2);
    } else {
        ($letter, $type) = ($tag, '');
    }
    $letter = 'E' if $letter eq 'L';
    $letter = 'S' if $letter eq 'U';
    return ($letter, $type);
}

sub chunk_ends {
    my ($prev, $tag, $prev_type, $type) = @_;
    return 1 if $prev eq 'B' && ($tag eq 'B' || $tag eq 'S' || $tag eq 'O');
    return 1 if $prev eq 'I' && ($tag eq 'B' || $tag eq 'S' || $tag eq 'O');
    return 1 if ($prev eq 'E' || $prev eq 'S') && $tag =~ /^[EIOSB]$/;
    return 1 if $prev eq '[' || $prev eq ']';
    return 1 if $prev ne 'O' && $prev ne '.' && $prev_type ne $type;
    return 0;
}

sub chunk_starts {
    my ($prev, $tag, $prev_type, $type) = @_;
    return 1 if ($tag eq 'B' || $tag eq 'S') && $prev =~ /^[BIOSE]$/;
    return 1 if $tag eq 'I' && ($prev eq 'O' || $prev eq 'S' || $prev eq 'E');
    return 1 if $tag eq 'E' && ($prev eq 'S' || $prev eq 'E' || $prev eq 'O');
    return 1 if $tag eq '[' || $tag eq ']';
    return 1 if $tag ne 'O' && $tag ne '.' && $prev_type ne $type;
    return 0;
}

my ($tokens, $right_tags) = (0, 0);
my ($found_correct, $found_guessed, $correct_chunks) = (0, 0, 0);
my (%found_correct, %found_guessed, %correct_chunks, %types);
my ($last_correct, $last_correct_type) = ('O', '');
my ($last_guessed, $last_guessed_type) = ('O', '');
my $in_correct = 0;
my $columns;

while (my $line = <>) {
    chomp $line;
    $line =~ s/\r$//;
    my @fields = defined $separator ? split(/\Q$separator\E/, $line) : split(' ', $line);
    if (@fields && (!defined $columns)) {
        $columns = @fields;
    } elsif (@fields && @fields != $columns) {
        die sprintf("conlleval.pl: line %d has %d fields, the first had %d\n", $., scalar @fields,
                    $columns);
    }
    my $boundary = !@fields || $fields[0] eq '-X-';
    my ($correct_tag, $guessed_tag) = $boundary ? ('O', 'O') : @fields[-2, -1];
    die "conlleval.pl: line $. needs a correct and a guessed tag\n" if !$boundary && @fields < 2;

    my ($correct, $correct_type) = split_tag($correct_tag);
    my ($guessed, $guessed_type) = split_tag($guessed_tag);

    my $correct_ends = chunk_ends($last_correct, $correct, $last_correct_type, $correct_type);
    my $guessed_ends = chunk_ends($last_guessed, $guessed, $last_guessed_type, $guessed_type);
    if ($in_correct) {
        if ($correct_ends && $guessed_ends && $last_guessed_type eq $last_correct_type) {
            $in_correct = 0;
            $correct_chunks++;
            $correct_chunks{$last_correct_type}++;
        } elsif ($correct_ends != $guessed_ends || $guessed_type ne $correct_type) {
            $in_correct = 0;
        }
    }
    my $correct_starts = chunk_starts($last_correct, $correct, $last_correct_type, $correct_type);
    my $guessed_starts = chunk_starts($last_guessed, $guessed, $last_guessed_type, $guessed_type);
    $in_correct = 1 if $correct_starts && $guessed_starts && $guessed_type eq $correct_type;
    if ($correct_starts) {
        $found_correct++;
        $found_correct{$correct_type}++;
        $types{$correct_type} = 1;
    }
    if ($guessed_starts) {
        $found_guessed++;
        $found_guessed{$guessed_type}++;
        $types{$guessed_type} = 1;
    }
    if (!$boundary) {
        $tokens++;
        $right_tags++ if $correct_tag eq $guessed_tag;
    }
    ($last_correct, $last_correct_type) = ($correct, $correct_type);
    ($last_guessed, $last_guessed_type) = ($guessed, $guessed_type);
}
if ($in_correct) {
    $correct_chunks++;
    $correct_chunks{$last_correct_type}++;
}

sub figures {
    my ($right, $guessed, $reference) = @_;
    my $precision = $guessed > 0 ? 100 * $right / $guessed : 0;
    my $recall = $reference > 0 ? 100 * $right / $reference : 0;
    my $f1 = $precision + $recall > 0 ? 2 * $precision * $recall / ($precision + $recall) : 0;
    return ($precision, $recall, $f1);
}

printf "processed %d tokens with %d phrases; found: %d phrases; correct: %d.\n",
    $tokens, $found_correct, $found_guessed, $correct_chunks;
if ($tokens > 0) {
    my ($p, $r, $f) = figures($correct_chunks, $found_guessed, $found_correct);
    printf "accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f\n",
        100 * $right_tags / $tokens, $p, $r, $f;
}
for my $type (sort keys %types) {
    next if $type eq '';
    my ($p, $r, $f) = figures($correct_chunks{$type} // 0, $found_guessed{$type} // 0,
                              $found_correct{$type} // 0);
    printf "%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %d\n",
        $type, $p, $r, $f, $found_guessed{$type} // 0;
}
