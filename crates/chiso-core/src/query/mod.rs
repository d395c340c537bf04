//! What the views ask of the loaded data: derived series and assessments against targets.

pub mod derive;
