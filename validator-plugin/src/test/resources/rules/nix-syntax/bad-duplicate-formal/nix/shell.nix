{ pkgs, lib, pkgs }:
pkgs.mkShell { }
