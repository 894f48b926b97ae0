"""Entry point of the ${module} code module: the annotations below describe it to Atoll.

Run it locally with: python main.py --input data.csv --output out/
Check it with:       atoll modules validate
Publish it with:     atoll publish --version 0.1.0 --registry <host:port>
"""
import os
import shutil

from atoll_helper import data_processor, parameter, log_param, log_metric


@data_processor(
    name="${module}",
    author="${author}",
    type="ALGORITHM",
    description="Describe what this module does to its input",
    visibility="PRIVATE",
    input_type="TABULAR",
    output_type="TABULAR",
)
@parameter(name="input", type="STRING", required=True, description="file to process")
@parameter(name="output", type="STRING", required=True, description="directory to write results into")
@parameter(name="factor", type="FLOAT", required=False, default_value=1.0, description="an example tuning knob")
def init_params():
    pass


def main():
    params = init_params()
    os.makedirs(params["output"], exist_ok=True)
    shutil.copy(params["input"], params["output"])
    log_param("factor", params["factor"])
    log_metric("files", 1)


if __name__ == "__main__":
    main()
