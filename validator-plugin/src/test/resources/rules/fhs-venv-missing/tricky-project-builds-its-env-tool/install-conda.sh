#!/bin/sh
echo "installs miniconda into ~/.conda"
