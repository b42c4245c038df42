let
