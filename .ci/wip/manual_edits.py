import sys; sys.path.insert(0, '/tmp/fmt'); from nbed import sub
sub('nbs/10b_airflow.ipynb', '''    return f"{prefix[:46]}-{hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:16]}"''',
'''    digest = hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode())
    return f"{prefix[:46]}-{digest.hexdigest()[:16]}"''')
sub('nbs/10b_airflow.ipynb', '''DAG_FILE = \'\'\'"""gatesent's pipeline as an Airflow DAG (written by gatesent.airflow.write_dag_file; see gatesent.airflow.make_dag)."""''',
'''DAG_FILE = \'\'\'"""gatesent's pipeline as an Airflow DAG.

Written by gatesent.airflow.write_dag_file; see gatesent.airflow.make_dag."""''')
sub('nbs/07a_endpoints.ipynb', '''    return f"http://{bucket}.s3-website{'-' if region in S3_WEBSITE_DASH else '.'}{region}.amazonaws.com"''',
'''    sep = "-" if region in S3_WEBSITE_DASH else "."
    return f"http://{bucket}.s3-website{sep}{region}.amazonaws.com"''')
sub('nbs/06_package.ipynb', '''INFERENCE_PY = \'\'\'"""SageMaker inference handlers for a gatesent model (Hugging Face inference container).
The container puts code/ on sys.path; gatesent/ beside this file is vendored from the gatesent package."""''',
'''INFERENCE_PY = \'\'\'"""SageMaker inference handlers for a gatesent model (Hugging Face inference container).

The container puts code/ on sys.path; gatesent/ beside this file is vendored from the gatesent
package."""''')
sub('nbs/07_sagemaker.ipynb', '''    print(
        f"training job {name} started:"
        f" https://{sm.boto_region_name}.console.aws.amazon.com/sagemaker/home?region={sm.boto_region_name}#/jobs/{name}"''',
'''    region = sm.boto_region_name
    console = f"https://{region}.console.aws.amazon.com/sagemaker/home?region={region}"
    print(
        f"training job {name} started: {console}#/jobs/{name}"''')
sub('nbs/90_testing.ipynb', '''    model_data = f"{d['OutputDataConfig']['S3OutputPath'].rstrip('/')}/{job_name}/output/model.tar.gz"''',
'''    output_path = d["OutputDataConfig"]["S3OutputPath"].rstrip("/")
    model_data = f"{output_path}/{job_name}/output/model.tar.gz"''')
sub('nbs/90_testing.ipynb', '''    print(
        "skipped: no SST-2 here: $GATESENT_DATA_DIR is"
        f" {'unset' if not os.environ.get('GATESENT_DATA_DIR') else 'without train.tsv/validation.tsv'},"''',
'''    missing = "without train.tsv/validation.tsv" if os.environ.get("GATESENT_DATA_DIR") else "unset"
    print(
        "skipped: no SST-2 here: $GATESENT_DATA_DIR is"
        f" {missing},"''')
sub('nbs/10_pipeline.ipynb', '''import contextlib, copy, difflib, hashlib, json, os, re, shutil, subprocess, sys, tarfile, time, traceback, urllib.request''',
'''import contextlib, copy, difflib, hashlib, json, os, re, shutil, subprocess, sys, tarfile, time
import traceback, urllib.request''')
sub('nbs/90_testing.ipynb', '''import contextlib, functools, json, os, re, shutil, subprocess, sys, tarfile, tempfile, threading, time, urlli''',
'''import contextlib, functools, json, os, re, shutil, subprocess, sys, tarfile, tempfile, threading
import time, urlli''')
# after format.py: a one-line def whose docment sits after the colon
sub('nbs/00a_text.ipynb', '''        folder: str | Path,
    ):  # A saved model or tokenizer folder''', '''        folder: str | Path,  # A saved model or tokenizer folder
    ):''')
